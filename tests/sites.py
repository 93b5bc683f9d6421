"""Corpora of fake sites: each site wraps real-looking article bodies in its own template
(header, navigation, promotions, footer), so the lines a profile must learn are known."""

from __future__ import annotations

import json
import random
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"

SENTENCES = [
    "The city council voted on Tuesday to extend the night bus service to the northern suburbs.",
    "Officials said the new routes would begin running in the spring, once drivers had been hired.",
    "Residents of the estate had campaigned for the change for almost three years.",
    "A spokeswoman for the transport authority declined to say how much the extension would cost.",
    "Farmers in the valley say the late frost destroyed nearly half of this year's apricot blossom.",
    "Prices at the wholesale market rose by a third within a week of the cold snap.",
    "The regional agriculture office has promised emergency loans to the worst-hit growers.",
    "Scientists at the university have mapped the migration of eels across the estuary for the first time.",
    "The tagged fish travelled more than two thousand kilometres before their signals were lost.",
    "Researchers hope the findings will help protect the species, whose numbers have collapsed since the 1980s.",
    "The home side came from two goals down to win in the final minutes of the match.",
    "Their coach praised the young defenders, three of whom were making their first league start.",
    "Tickets for the cup tie next month sold out within an hour of going on sale.",
    "The museum will reopen its east wing after a restoration that took more than four years.",
    "Visitors will be able to see the medieval tapestries for the first time since the fire.",
    "Conservators used thread dyed with madder root to match the original colours.",
    "The central bank left interest rates unchanged, citing uncertainty over energy prices.",
    "Economists had expected the decision, though two members of the committee voted for a cut.",
    "Mortgage lenders said demand had picked up slightly over the summer months.",
    "Police have appealed for witnesses after a lorry overturned on the coastal road early on Sunday.",
    "The driver was taken to hospital with injuries that are not thought to be life-threatening.",
    "The road was closed for most of the morning while the load of timber was cleared.",
    "A new primary school is to be built on the site of the old brewery, the education board confirmed.",
    "Parents welcomed the plan but raised concerns about traffic on the narrow lanes around the site.",
    "Construction is expected to start next year and take around eighteen months.",
    "The festival drew more than forty thousand people over the weekend, organisers said.",
    "Headline acts played to a packed field despite heavy rain on Saturday evening.",
    "Local traders reported their busiest weekend since the festival began a decade ago.",
    "Hospital waiting times in the region have fallen for the third month in a row.",
    "Health officials credited the opening of a second day-surgery unit for the improvement.",
    "Nurses' representatives warned that staff shortages could reverse the gains over the winter.",
    "The library service will extend its opening hours on weekday evenings from next month.",
]

# A statement every outlet printed in its stories about the same event: body text everywhere.
QUOTE = ("“We will rebuild every home that was lost, and we will do it together,” "
         "the governor told reporters at the flooded town hall.")


class Site:
    def __init__(self, host: str, head: list[str], tail: list[str]):
        self.host = host
        self.head = head
        self.tail = tail

    @property
    def template(self) -> list[str]:
        return self.head + self.tail


SITES = [
    Site("dailyharbor.example", ["The Daily Harbor", "Independent journalism since 1887", "Most Viewed"],
         ["Harbor Media Group", "EXPLORE THE HARBOR",
          "The Daily Harbor is supported by its readers, and every story we publish stays free to read for everyone."]),
    Site("valleytimes.example", ["VALLEY TIMES ONLINE", "Your Valley, Your Voice"],
         ["Most Viewed", "Valley Times Publishing Co. 2024", "Got a story? Call our newsroom on 0123 456 789"]),
    Site("northpost.example", ["North Post", "Edition: Morning"],
         ["Most Viewed", "NORTH POST DIGITAL", "Stories from the north, told by people who live there"]),
    Site("coastwire.example", ["Coast Wire | Regional News Service", "Wire desk"],
         ["Most Viewed", "Coast Wire is a member of the Regional Press Alliance", "ISSN 1234-5678"]),
]


def body(rng: random.Random, quote: bool = False) -> list[str]:
    paragraphs = [" ".join(rng.sample(SENTENCES, rng.randint(2, 3))) for _ in range(rng.randint(4, 8))]
    if quote:
        paragraphs.insert(rng.randint(0, len(paragraphs)), QUOTE)
    return paragraphs


def seed_bodies() -> list[str]:
    cases = json.loads((FIXTURES / "seeds.json").read_text(encoding="utf-8"))
    return [c["body"] for c in cases]


def corpus(docs_per_site: int = 30, seed: int = 7, quote_every: int = 4) -> list[dict]:
    """JSONL-shaped records: {"id", "url", "text"}, with the body paragraphs of each kept in
    `body` so tests know what must stay. Seeds' bodies appear on the first two sites."""
    rng = random.Random(seed)
    seeds = seed_bodies()
    records = []
    for s, site in enumerate(SITES):
        for n in range(docs_per_site):
            if n < len(seeds) and s < 2:
                paragraphs = seeds[n].split("\n\n")
            else:
                paragraphs = body(rng, quote=n % quote_every == 1)
            text = "\n".join(site.head + [""] + ["\n\n".join(paragraphs)] + [""] + site.tail)
            records.append({"id": f"{site.host}-{n}", "url": f"https://www.{site.host}/news/{n}.html",
                            "text": text, "body": paragraphs})
    return records


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps({k: r[k] for k in ("id", "url", "text")}, ensure_ascii=False) + "\n"
                            for r in records), encoding="utf-8")
    return path
