//! Runs of marked blocks and the entries they mark, which the families that read the lines around
//! share: a list of stamped teasers (`related`), a thread of signed comments (`comments`).

use crate::lines::Features as LineFeatures;

/// What `entries` reads of a block: whether it is a paragraph of prose (a block's features, or
/// that alone, where nothing else of them is read).
pub trait Prose {
    fn prose(&self) -> bool;
}

impl Prose for LineFeatures {
    fn prose(&self) -> bool {
        self.prose
    }
}

impl Prose for bool {
    fn prose(&self) -> bool {
        *self
    }
}

impl<T: Prose> Prose for &T {
    fn prose(&self) -> bool {
        (*self).prose()
    }
}

/// The runs of marked blocks, each at most `reach` blocks from the next; with `feats`, a
/// paragraph of prose between two marked blocks ends the run.
pub fn runs(marked: &[bool], reach: usize, feats: Option<&[&LineFeatures]>) -> Vec<Vec<usize>> {
    let mut found = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    for i in (0..marked.len()).filter(|&i| marked[i]) {
        if let Some(&last) = run.last() {
            if i - last > reach || feats.is_some_and(|feats| feats[last + 1..i].iter().any(|f| f.prose)) {
                found.push(std::mem::take(&mut run));
            }
        }
        run.push(i);
    }
    if !run.is_empty() {
        found.push(run);
    }
    found
}

/// The blocks a list of entries covers, first and last, given the run of lines that mark each
/// entry (its stamp, its author line): an entry may put lines before its mark (a headline, a
/// name) and after it (a summary, a comment). The lines every entry puts before its mark are its
/// short lines right above it; what follows the last mark is as long as the shortest entry, or
/// with `longest` (comments, whose length varies) the longest.
pub fn entries<P: Prose>(run: &[usize], feats: &[P], longest: bool) -> (usize, usize) {
    let pairs = || run.windows(2).map(|w| (w[0], w[1]));
    let lead = pairs()
        .map(|(a, b)| short_above(b, a as isize, feats))
        .min()
        .unwrap_or(0);
    let trails = pairs().map(|(a, b)| b - a - 1 - lead.min(short_above(b, a as isize, feats)));
    let trail = if longest { trails.max() } else { trails.min() }.unwrap_or(0);
    let first = run[0] - short_above(run[0], (run[0] as isize - lead as isize - 1).max(-1), feats);
    (first, (feats.len() - 1).min(run[run.len() - 1] + trail))
}

/// How many lines that are not prose stand right above block `i`, down to (not including) `floor`.
fn short_above<P: Prose>(i: usize, floor: isize, feats: &[P]) -> usize {
    let mut k = i as isize - 1;
    while k > floor && !feats[k as usize].prose() {
        k -= 1;
    }
    (i as isize - 1 - k) as usize
}

#[cfg(test)]
pub mod testing {
    use crate::lines::Features as LineFeatures;

    /// A block's features as the rules above read them: its length, and whether it is prose.
    pub fn block(chars: usize, prose: bool) -> LineFeatures {
        LineFeatures {
            chars,
            words: chars / 6,
            stop_ratio: 0.0,
            ends_sentence: prose,
            sentences: prose as usize,
            upper_ratio: 0.0,
            unspaced: false,
            last: None,
            prose,
            title_shaped: !prose,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::block;
    use super::*;

    #[test]
    fn runs_group_marks_within_reach_and_prose_between_ends_a_run() {
        let marked = [true, false, true, false, false, false, true, true];
        assert_eq!(runs(&marked, 2, None), vec![vec![0, 2], vec![6, 7]]);
        assert_eq!(runs(&marked, 4, None), vec![vec![0, 2, 6, 7]]);
        assert!(runs(&[false, false], 2, None).is_empty());
        let blocks = [block(1, false), block(70, true), block(1, false)];
        let feats: Vec<&LineFeatures> = blocks.iter().collect();
        assert_eq!(runs(&[true, false, true], 2, Some(&feats)), vec![vec![0], vec![2]]);
        // a short line between two marks does not end the run
        let blocks = [block(1, false), block(10, false), block(1, false)];
        let feats: Vec<&LineFeatures> = blocks.iter().collect();
        assert_eq!(runs(&[true, false, true], 2, Some(&feats)), vec![vec![0, 2]]);
    }

    #[test]
    fn entries_grow_a_run_over_the_lines_each_entry_puts_around_its_mark() {
        // A paragraph, three entries of a headline, a source and a stamp, a paragraph: the list
        // is the headlines to the last stamp, neither paragraph of the story.
        let mut blocks = vec![block(70, true)];
        for _ in 0..3 {
            blocks.extend([block(24, false), block(10, false), block(11, false)]);
        }
        blocks.push(block(70, true));
        let feats: Vec<&LineFeatures> = blocks.iter().collect();
        assert_eq!(entries(&[3, 6, 9], &feats, false), (1, 9));
        assert_eq!(entries(&[3, 6, 9], &feats, true), (1, 9));
    }

    #[test]
    fn entries_of_varying_length_reach_as_far_below_the_last_mark_as_the_longest_entry() {
        // Author lines over comments of one paragraph, three, then one and four unsigned replies.
        let mut blocks = vec![block(9, false), block(70, true), block(9, false)];
        blocks.extend([block(70, true), block(70, true), block(70, true), block(9, false)]);
        blocks.extend((0..5).map(|_| block(70, true)));
        let feats: Vec<&LineFeatures> = blocks.iter().collect();
        assert_eq!(entries(&[0, 2, 6], &feats, false), (0, 7)); // the shortest entry: one paragraph
        assert_eq!(entries(&[0, 2, 6], &feats, true), (0, 9)); // the longest: three
                                                               // never past the last block
        assert_eq!(entries(&[0, 2, 6], &feats[..9], true), (0, 8));
    }
}
