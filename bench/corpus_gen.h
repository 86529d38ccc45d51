// A deterministic generator of plain-text wellness articles, for the
// benchmarks (claimlint-gen-corpus writes them to disk; the microbenchmarks
// scan them in memory).
//
// The articles look like blog posts scraped to text: navigation junk
// ("Skip to content", "Menu"), a title, headings without full stops, one
// paragraph per line, bullets, a footer, some curly quotes, dashes, accented
// letters, emoji, a few CRLF sites and byte-order marks. Health claims
// (strong, hedged, negated, cited, quoted, in bullets) and near misses
// ("a proven track record") are mixed into a majority of neutral sentences.
//
// Output is a pure function of (seed, index): the generator has its own
// PRNG (splitmix64), uses integer arithmetic only and no unordered
// containers, so every machine produces byte-identical text, and the first N
// articles of a larger corpus equal a corpus of N articles. Thread-safe: no
// state is shared between calls.

#ifndef CLAIMLINT_BENCH_CORPUS_GEN_H_
#define CLAIMLINT_BENCH_CORPUS_GEN_H_

#include <cstdint>
#include <string>

namespace claimlint::bench {

inline constexpr uint64_t kDefaultSeed = 20240611;
inline constexpr uint64_t kDefaultArticles = 4000;  // ~24 MB, ~6 KB each

struct CorpusArticle {
  // Relative path: "site-XX/post-NNNNN.txt" for even sites and
  // "site-XX/YYYY/post-NNNNN.txt" for odd ones (40 sites).
  std::string path;
  std::string text;  // UTF-8
};

// Article `index` of the corpus of `seed`. Sizes run from ~2 KB to ~25 KB.
CorpusArticle MakeCorpusArticle(uint64_t seed, uint64_t index);

// One article of 5000..5250 bytes with LF line ends, for cold-start runs.
std::string MakeSingleArticle(uint64_t seed);

}  // namespace claimlint::bench

#endif  // CLAIMLINT_BENCH_CORPUS_GEN_H_
