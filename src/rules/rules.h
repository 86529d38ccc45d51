// Rule packs: JSON files (comments allowed) that say which claims to find,
// how risky they are, why, and what to write instead. A pack is loaded,
// validated and compiled once per run into a CompiledPack, which is
// immutable and shared read-only by every worker thread.
//
// Every pattern compiles to RE2 and runs on the folded text of the text
// stage (lower case, ASCII quotes and dashes, single spaces), so no rule and
// no input can make a scan backtrack.

#ifndef CLAIMLINT_RULES_RULES_H_
#define CLAIMLINT_RULES_RULES_H_

#include <array>
#include <deque>
#include <functional>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "core/core.h"

namespace claimlint::rules {

// The text of one pack and where it came from (a path, or "<embedded:core>").
// Copies share the text.
class PackSource {
 public:
  PackSource() = default;
  // A pack read at run time: the source owns `text`.
  PackSource(std::string name, std::string text);
  // A pack built into the binary: its text and snapshot are the binary's
  // own bytes, viewed, never copied (a copy was a twentieth of a cold start).
  static PackSource Embedded(std::string name, std::string_view text,
                             std::string_view snapshot);

  std::string name;
  // The packs built into the binary are rules/*.json, which the test suite
  // loads strictly (rules_selftest): their patterns compile on first use
  // instead of all at start, which was most of a cold start.
  bool patterns_checked = false;
  // The embedded packs as make_embedded_packs read them at build time, in
  // the snapshot form Load reads without parsing JSON (empty: parse the text).
  std::string_view snapshot;

  std::string_view text() const { return text_; }

 private:
  std::shared_ptr<const std::string> owned_text_;
  std::string_view text_;
};

// The packs built into the binary from rules/ at build time: `core` first.
const std::vector<PackSource>& EmbeddedPacks();

// The embedded pack whose file name is `file_name` ("core.json"), or null.
const PackSource* EmbeddedPack(std::string_view file_name);

// The embedded lexicon (rules/lexicon.json): the negation, hedge and
// evidence cues every run uses, whatever packs it loads.
const PackSource& EmbeddedLexicon();

// The jurisdiction profiles `--profile` accepts, in the order their packs
// load: "us", "uk", "au" (each is rules/<name>.json).
const std::vector<std::string>& ProfileNames();

// The embedded packs of a run with these profiles: the lexicon, core, then
// each named profile's pack once, in ProfileNames() order whatever order
// they were named in. "core" may be named and adds nothing. An unknown
// name is a CL206 error that lists the known ones.
StatusOr<std::vector<PackSource>> ProfileSources(const std::vector<std::string>& profiles);

struct PackInfo {
  std::string id;
  std::string name;
  std::string version;
  std::string jurisdiction;  // "any" or empty for neutral packs
  std::string description;
  std::string origin;  // PackSource::name
};

// A rule example: a sentence the rule must flag (with the expected span
// marked [[like this]] in `text`, exactly one pair) or must pass (no
// markers). Every rule has at least two of each.
struct Example {
  std::string text;
  bool must_flag = true;
};

// The text of a flag example without its [[ ]] markers, and the byte span
// of the marked words in that text. `text` without markers gives an empty
// span at 0.
struct MarkedText {
  std::string text;
  Span span;
};
MarkedText StripMarkers(std::string_view text);

// An RE2 built on first use, once, by whichever thread needs it first: a
// run compiles only the patterns its text gets near, and a near pattern's
// (large) source is only written out then too. Reads like a pointer to
// the RE2.
class LazyRegex {
 public:
  LazyRegex() = default;
  LazyRegex(std::function<std::string()> make_regex, const RE2::Options& options);

  // The RE2 source.
  const std::string& regex() const;
  const RE2::Options& options() const { return state_->options; }
  const RE2& operator*() const;
  const RE2* operator->() const { return &**this; }

 private:
  struct State {
    std::function<std::string()> make_regex;
    RE2::Options options;
    std::once_flag regex_once, re_once;
    std::string regex;
    std::unique_ptr<RE2> re;
  };
  std::unique_ptr<State> state_;
};

// A folded text, and its three-byte strings in a Bloom filter unless it is
// shorter than a sentence: whether a string of three bytes or more occurs
// there then costs a few bit tests where it does not (the usual case for a
// pattern's literals) instead of a scan of the text.
class TextLiterals {
 public:
  explicit TextLiterals(std::string_view folded_text);
  bool Contains(std::string_view literal) const;

 private:
  uint32_t Bit(const char* three_bytes) const;

  std::string_view text_;
  std::vector<uint64_t> bits_;  // empty for a short text
  int shift_ = 0;               // 32 minus log2 of the filter's bits
};

// Lists of strings such that every match of a pattern contains a string of
// each list (RequiredLiterals); false only when some list has no string in
// the text, so the pattern cannot match there. Costs no compile.
bool MayMatchLiterals(const std::vector<std::vector<std::string>>& literals,
                      const TextLiterals& text);

struct NearPattern;

struct Pattern {
  // As written in the pack, for `rules show`: "phrase: ...", "regex: ...",
  // or "near: [...] within N" (built on demand from `near`).
  std::string Source() const;
  // False only when the pattern cannot match anywhere in the text: a list
  // of its required literals has no string there. Costs no compile.
  bool MayMatch(const TextLiterals& text) const;
  bool MayMatch(std::string_view folded_text) const { return MayMatch(TextLiterals(folded_text)); }

  std::string written;  // phrase and regex patterns: "phrase: clinically proven"
  LazyRegex re;         // what it compiles to (folded-text RE2); re.regex() is the source
  // Phrase and regex patterns, antipatterns and `when` patterns of the
  // embedded packs (RequiredLiterals, at build time): every match contains
  // a string of each of these lists; none: no such string. Unset otherwise.
  std::optional<std::vector<std::vector<std::string>>> required_literals;
  // Near patterns: their word groups, which the prefilter looks up.
  std::shared_ptr<const NearPattern> near;
  // A safe rewrite: text that can replace the whole match as written
  // (`claimlint fix`). Claim patterns only; empty: none.
  std::string fix;
};

// What a rule does with a claim seen in a context (hedged, negated...).
struct Action {
  enum Kind { kKeep, kSkip, kDowngrade, kSet };
  Kind kind = kKeep;
  Severity severity = Severity::kInfo;  // for kSet

  // "keep", "skip", "downgrade", or a severity name.
  static std::optional<Action> Parse(std::string_view text);
  std::string Name() const;
};

// How a claim rule treats context; the README's severity model. Packs set
// defaults in "defaults", rules override them.
struct ContextPolicy {
  Action hedged{Action::kDowngrade};
  Action negated{Action::kSkip};
  Action supported{Action::kSet, Severity::kInfo};
  Action question{Action::kDowngrade};
  Action heading{Action::kKeep};
  Action quoted{Action::kKeep};
};

enum class RuleKind { kClaim, kDisclaimer };

// Where a required disclaimer must stand to count.
enum class Placement { kAnywhere, kNearClaim, kEnd };

struct Rule {
  std::string id;        // dotted and stable: "core.disease.cure-claim"
  std::string pack_id;
  RuleKind kind = RuleKind::kClaim;
  std::string category;  // "disclaimer" for disclaimer requirements
  Severity severity = Severity::kWarning;
  std::string message;
  std::string rationale;
  std::string suggestion;
  // Claim rules: what finds the claim. Disclaimer rules: what satisfies
  // the requirement (any one, or all of them with `require_all`).
  std::vector<Pattern> patterns;
  // Antipatterns: a hit that overlaps a match of one of these in its
  // sentence is not a finding of this rule ("a proven track record").
  std::vector<Pattern> unless;
  std::vector<Example> examples;
  ContextPolicy policy;

  // Disclaimer requirements only.
  std::vector<std::string> trigger_categories;  // claims of these need it
  std::vector<std::string> trigger_rules;       // ... and claims of these rules
  Placement placement = Placement::kAnywhere;
  uint32_t within = 0;  // kNearClaim: blocks around; kEnd: last blocks
  bool require_all = false;
  // The requirement applies only to documents where one of these matches
  // (product words for a supplement statement); empty: every document.
  std::vector<Pattern> when;
};

// One list of cues compiled into a single leftmost-longest RE2, so a
// sentence is read once per list whatever the list's length.
struct CueList {
  std::vector<std::string> regexes;  // each entry as compiled alone
  // The embedded lexicon's entries' required literals (RequiredLiterals, at
  // build time), one item per entry; empty for the entries of packs read at
  // run time, which are always kept.
  std::vector<std::vector<std::vector<std::string>>> required_literals;
  LazyRegex re;  // the alternation of every entry, compiled on first use

  bool empty() const { return regexes.empty(); }
  // The alternation of only the entries that may match in the text (by
  // their required literals): within that text it finds what `re` finds,
  // as leaving out an entry that cannot match there changes no
  // leftmost-longest match. Empty when no entry may match; re.regex() when
  // every one may.
  std::string RegexFor(const TextLiterals& text) const;
};

// Cue lists that the analyze stage reads around every claim. Built-in in
// rules/lexicon.json; any pack may add to it under "lexicon".
struct Lexicon {
  CueList negation_before;    // "does not", "never"
  CueList negation_clause;    // "no evidence that": every claim after it in its clause
  CueList negation_after;     // "is a myth", "has not been proven"
  CueList pseudo_negation;    // "not only", "no doubt"
  CueList scope_end;          // "but", "however", ";"
  CueList hedge;              // "may help", "some clients report"
  CueList reported_speech;    // "some websites claim"
  CueList rejection;          // "there is no evidence", "myth"
  CueList citation;           // "[1]", "(smith et al., 2019)"
  CueList named_study;        // "a 2019 randomized trial in spine"
  CueList reference_heading;  // "references", "sources"
  std::vector<std::string> evidence_domains;  // "doi.org", "ncbi.nlm.nih.gov"
};

// Every cue list of `lexicon`, in a fixed order.
std::array<CueList*, 11> CueLists(Lexicon& lexicon);
std::array<const CueList*, 11> CueLists(const Lexicon& lexicon);

// The prefilter entry for Set index i: which rule and which of its patterns.
struct PatternRef {
  uint32_t rule;
  uint32_t pattern;
};

// Lists of strings in one block of bytes: the list and string counts, each
// list's end (in strings) and each string's end (in bytes) as little-endian
// 32-bit numbers, then the strings. A near pattern keeps its word groups
// (each group a list of entries) and, per entry, the words the prefilter
// looks up (EntryWords) and checks (EntryRuns) this way: a pack read from
// its snapshot views the blocks there, so reading a near pattern costs
// nothing per word; lists built at run time own their block.
class StringLists {
 public:
  // The strings of a run of lists.
  class Strings {
   public:
    class iterator {
     public:
      using iterator_category = std::forward_iterator_tag;
      using value_type = std::string_view;
      using difference_type = std::ptrdiff_t;
      using pointer = void;
      using reference = std::string_view;

      iterator() = default;
      iterator(const StringLists* lists, uint32_t string) : lists_(lists), string_(string) {}
      std::string_view operator*() const { return lists_->String(string_); }
      iterator& operator++() {
        ++string_;
        return *this;
      }
      iterator operator++(int) {
        iterator was = *this;
        ++string_;
        return was;
      }
      bool operator==(const iterator& other) const { return string_ == other.string_; }

     private:
      const StringLists* lists_ = nullptr;
      uint32_t string_ = 0;
    };

    Strings(const StringLists* lists, uint32_t first, uint32_t end)
        : lists_(lists), first_(first), end_(end) {}
    iterator begin() const { return {lists_, first_}; }
    iterator end() const { return {lists_, end_}; }
    size_t size() const { return end_ - first_; }
    bool empty() const { return first_ == end_; }

   private:
    const StringLists* lists_;
    uint32_t first_, end_;
  };

  StringLists() = default;
  // Lists that own the block of `lists`.
  static StringLists Build(const std::vector<std::vector<std::string>>& lists);
  // Lists viewing `block` (which must outlive them); nullopt when `block`
  // is not one that Build writes.
  static std::optional<StringLists> View(std::string_view block);

  size_t lists() const { return lists_; }
  // The strings of list `list`, or of lists [first_list, end_list).
  Strings Of(size_t list) const { return Of(list, list + 1); }
  Strings Of(size_t first_list, size_t end_list) const {
    return {this, ListEnd(first_list), ListEnd(end_list)};
  }
  // The strings of every list, list after list.
  Strings All() const { return Of(0, lists_); }
  // Every list, as strings (for a report or a test).
  std::vector<std::vector<std::string>> ToVectors() const;
  // Calls visit(string) for each string of lists [first_list, end_list):
  // Of's strings, a number read apiece (the prefilter's hottest loop).
  template <typename Visit>
  void ForEachString(size_t first_list, size_t end_list, Visit visit) const {
    const uint32_t first = ListEnd(first_list), end = ListEnd(end_list);
    const size_t string_ends = 2 + size_t{lists_};
    const char* bytes = block_.data() + 4 * (string_ends + strings_);
    uint32_t begin = first == 0 ? 0 : Number(string_ends + first - 1);
    for (uint32_t string = first; string < end; ++string) {
      const uint32_t stop = Number(string_ends + string);
      visit(std::string_view(bytes + begin, stop - begin));
      begin = stop;
    }
  }
  // The block, as Build wrote it: what a snapshot stores.
  std::string_view block() const { return block_; }
  friend bool operator==(const StringLists& a, const StringLists& b) {
    return a.block_ == b.block_;
  }

 private:
  // The index-th 32-bit number of the block.
  uint32_t Number(size_t index) const {
    const auto* bytes = reinterpret_cast<const unsigned char*>(block_.data()) + 4 * index;
    return bytes[0] | bytes[1] << 8 | bytes[2] << 16 | static_cast<uint32_t>(bytes[3]) << 24;
  }
  // One past the last string of the list before `list`.
  uint32_t ListEnd(size_t list) const { return list == 0 ? 0 : Number(1 + list); }
  std::string_view String(uint32_t string) const;

  std::shared_ptr<const std::string> owned_;  // the block, when built here
  std::string_view block_;
  uint32_t lists_ = 0;
  uint32_t strings_ = 0;
};

class DocumentPrefilter;
class TextRuns;

// Proposes the claim patterns that may match a text: every pattern that
// matches is proposed, and seldom one that does not. Regex and phrase
// patterns go through one RE2::Set, compiled on first use; a run of few
// documents proposes them from their required literals instead
// (ForDocument) and never compiles it. A near pattern is proposed when
// each of its word groups has a word in the text, found by one hash lookup
// per word of the text in an index of the entries' words (ASCII
// letter-and-digit runs: a group entry's literal run, or one of its head
// word's forms, is always such a run wherever it matches), so a near
// pattern is compiled only when all of its groups are there.

class Prefilter {
 public:
  Prefilter(const std::vector<Rule>& rules, const std::vector<PatternRef>& refs);
  ~Prefilter();

  // Indices into `refs`, ascending. Never fails: when the Set cannot run,
  // all regex and phrase patterns are proposed.
  std::vector<int> Candidates(std::string_view folded_text) const;
  // The pattern that `refs[ref]` names.
  const Pattern& PatternOf(int ref) const;
  // The candidates of a text that may match `folded_part`, a part of it (a
  // block, a sentence): near patterns are proposed again from the part's
  // own words, and only where each two consecutive groups have words no
  // further apart than the pattern can reach; patterns with required
  // literals from its literals; the others are kept.
  std::vector<int> Narrow(std::string_view folded_part, const std::vector<int>& candidates) const;
  // The Set compiled within its memory budget (else it proposes them all).
  bool set_ok() const;

  // Whether every pattern carries what the build stores for the embedded
  // packs (required literals, entry words): then a run of few documents
  // proposes candidates per document (ForDocument), without the Set or the
  // whole word index, which each cost more than a document's matching.
  bool per_document_ok() const { return per_document_ok_; }
  // The prefilter of one document (the whole folded text, and its runs):
  // it proposes more than the Set, a pattern with no required literal
  // always, the others whenever a string of each of their lists is in the
  // text.
  DocumentPrefilter ForDocument(std::string_view folded_document, const TextRuns& runs) const;

 private:
  friend class DocumentPrefilter;
  struct NearSlot {
    int ref;
    uint32_t all_groups;  // a bit per word group
    uint32_t always;      // groups without a word to look up
    // EntryWords of each entry, group after group: the pattern's stored
    // ones, or computed_words_.
    const StringLists* entry_words;
    const StringLists* entry_runs;  // EntryRuns: stored, or computed_words_
    const std::vector<uint32_t>* group_spans;  // stored, or computed_spans_
    // Its groups in group_order_, from the fewest words to the most.
    uint32_t first_group = 0;
    uint32_t groups = 0;
  };
  // A word group of a near slot: its entries, [first_entry, end_entry).
  struct GroupEntries {
    uint32_t first_entry;
    uint32_t end_entry;
    uint32_t bit;
  };
  // Whether the words of the groups of the near pattern in `slot` stand
  // close enough in a text for it to match there: `seen` holds each
  // looked-up word found in the text as (slot, group bit, word position).
  bool CloseEnough(uint32_t slot, const std::vector<std::array<uint32_t, 3>>& seen) const;
  // Whether each group of the near pattern in `slot` has an entry whose
  // looked-up words (one of them) and EntryRuns (all) are among
  // `sorted_runs`, a text's runs: else it cannot match in that text.
  bool EveryGroupMayOccur(uint32_t slot, const std::vector<std::string_view>& sorted_runs) const;
  // word -> (slot, group bit) for every group entry that word stands for;
  // the keys view the slots' entry words.
  using WordIndex =
      std::unordered_map<std::string_view, std::vector<std::pair<uint32_t, uint32_t>>>;
  // Calls visit(slot, group bit, word) for every word of every entry, with
  // a null word for an entry that has none.
  template <typename Visit>
  void ForEachEntryWord(Visit visit) const;
  const WordIndex& Words() const;  // the whole index, built on first use
  // Per near slot, the bits of its groups that have a word in the text.
  std::vector<uint32_t> GroupsPresent(std::string_view folded_text, const WordIndex& words) const;
  void AddNearCandidates(std::string_view folded_text, const WordIndex& words,
                         std::vector<int>& candidates) const;
  // `whole_entries`: near candidates also need an entry of each group
  // whole in the part (EveryGroupMayOccur), which pays where each one
  // costs a compile (a run of few documents) and not in a batch.
  std::vector<int> Narrow(std::string_view folded_part, const std::vector<int>& candidates,
                          const WordIndex& words, bool whole_entries) const;
  const RE2::Set* Set() const;  // null when it did not compile

  const std::vector<Rule>& rules_;
  const std::vector<PatternRef>& refs_;
  mutable std::once_flag set_once_;
  mutable std::unique_ptr<RE2::Set> set_;
  mutable bool set_ok_ = false;
  std::vector<int> set_refs_;  // Set index -> index into refs
  bool per_document_ok_ = true;
  std::vector<NearSlot> near_;
  std::vector<GroupEntries> group_order_;
  std::vector<int> slot_of_ref_;  // index into near_ per ref; -1: not near
  // The entry words of the near patterns of packs read at run time.
  std::deque<StringLists> computed_words_;
  std::deque<std::vector<uint32_t>> computed_spans_;
  mutable std::once_flag words_once_;
  mutable WordIndex words_;
};

// A Prefilter narrowed to one document (Prefilter::ForDocument): its
// candidates, and a word index of only the words the document has.
class DocumentPrefilter {
 public:
  const std::vector<int>& candidates() const { return candidates_; }
  // Prefilter::Narrow for a part of the document; a near candidate also
  // needs an entry of each group whole in the part (its runs all there).
  std::vector<int> Narrow(std::string_view folded_part, const std::vector<int>& candidates) const {
    return prefilter_->Narrow(folded_part, candidates, words_, /*whole_entries=*/true);
  }

 private:
  friend class Prefilter;
  const Prefilter* prefilter_ = nullptr;
  Prefilter::WordIndex words_;
  std::vector<int> candidates_;
};

class CompiledPack {
 public:
  CompiledPack(std::vector<PackInfo> packs, std::vector<Rule> rules, Lexicon lexicon);
  ~CompiledPack();
  CompiledPack(const CompiledPack&) = delete;
  CompiledPack& operator=(const CompiledPack&) = delete;

  const std::vector<PackInfo>& packs() const { return packs_; }
  // Claim rules and disclaimer requirements, in pack order.
  const std::vector<Rule>& rules() const { return rules_; }
  const Rule* FindRule(std::string_view id) const;
  const Lexicon& lexicon() const { return lexicon_; }

  // Every pattern of every claim rule, and what proposes them per block.
  const std::vector<PatternRef>& prefilter_refs() const { return refs_; }
  const Prefilter& prefilter() const { return *prefilter_; }

  // The same over every pattern of every disclaimer requirement: one pass
  // over a document tells which disclaimer parts it has at all. Compiled on
  // first use: a run of few documents asks the patterns' literals instead.
  const RE2::Set& disclaimer_prefilter() const;
  const std::vector<PatternRef>& disclaimer_refs() const { return disclaimer_refs_; }

 private:
  std::vector<PackInfo> packs_;
  std::vector<Rule> rules_;
  Lexicon lexicon_;
  std::vector<PatternRef> refs_;
  std::unique_ptr<Prefilter> prefilter_;
  mutable std::once_flag disclaimer_once_;
  mutable std::unique_ptr<RE2::Set> disclaimer_prefilter_;
  std::vector<PatternRef> disclaimer_refs_;
};

// Loads, validates and compiles `sources` in order into one pack (callers
// put EmbeddedLexicon() first so its cues apply). Errors
// (CL2xx) name the file and either the line and column of a JSON syntax
// error or the path of the bad field ("rules[3].patterns[0].regex") and
// why; all of a file's field errors are reported, not only the first.
StatusOr<std::shared_ptr<const CompiledPack>> Load(
    const std::vector<PackSource>& sources);

// The RE2 source a phrase pattern compiles to: its words folded like the
// text, joined by whitespace, bounded by word boundaries.
std::string PhraseToRegex(std::string_view phrase);

// A token pattern: each group is a list of words or phrases; the groups
// follow each other in order, each within `within` words of the one
// before (either order for two groups with `any_order`). With `use_forms`
// a word matches its inflections too (WordForms: "lower" finds "lowering",
// "lowered"); otherwise it matches as written.
struct NearPattern {
  StringLists groups;  // each group's entries ("lower cortisol", "stress")
  uint32_t within = 3;
  bool any_order = false;
  bool use_forms = true;
  // EntryWords and EntryRuns of every entry as the build stored them for
  // an embedded pack; no entries when they are to be computed.
  StringLists entry_words;
  StringLists entry_runs;
  // GroupSpans as the build stored them; empty when they are to be computed.
  std::vector<uint32_t> group_spans;
};
std::string NearToRegex(const NearPattern& near);

// The words of a folded text as the prefilter looks them up: maximal runs
// of ASCII letters and digits.
class TextRuns {
 public:
  explicit TextRuns(std::string_view folded_text);
  bool contains(std::string_view run) const {
    const uint32_t bit = FilterBit(run);
    return (filter_[bit / 64] & (uint64_t{1} << (bit % 64))) != 0 && runs_.contains(run);
  }

 private:
  // A few bits per run in a filter that answers most lookups of a word the
  // text lacks (most of the prefilter's tens of thousands) before hashing it.
  static constexpr int kFilterLog2Bits = 13;
  static uint32_t FilterBit(std::string_view run) {
    uint32_t key = static_cast<uint32_t>(run.size());
    for (size_t i = 0; i < run.size() && i < 4; ++i) {
      key = key * 31 + static_cast<unsigned char>(run[i]);
    }
    if (run.size() > 4) key = key * 31 + static_cast<unsigned char>(run.back());
    return (key * 0x9E3779B1u) >> (32 - kFilterLog2Bits);
  }

  std::unordered_set<std::string_view> runs_;  // views into the text
  std::array<uint64_t, (1 << kFilterLog2Bits) / 64> filter_{};
};

// NearToRegex with only the entries, and the forms of their head words,
// that can occur in the text of `runs`:
// the same matches in that text, from a far smaller program (a single
// document compiles this instead of the whole pattern). Empty when a group
// has no such entry, so the pattern cannot match there.
std::string NearToRegexFor(const NearPattern& near, const TextRuns& runs);

// `regex` without the alternatives of its (?:...) groups, or of the whole
// regex, that begin with a plain literal (lower-case ASCII letters,
// digits, spaces, unescaped punctuation; an optional last character does
// not count) which `text` lacks: such an alternative matches nowhere in
// `text`, so the smaller program finds the same matches there, in the
// same order of preference. Nothing is left out of a group that would be
// left empty, or where a capture group would be renumbered; a regex it
// cannot follow comes back whole.
std::string PruneAlternatives(std::string_view regex, std::string_view text);

// The words the prefilter looks up for one entry of a word group ("lower
// cortisol", "stress hormone"): any one of them is a whole ASCII
// letter-and-digit run of every text the entry matches. Empty when the
// entry has no such run (it is then always taken as present).
std::vector<std::string> EntryWords(std::string_view entry, bool use_forms);

// Every ASCII letter-and-digit run of an entry's literal words (all but a
// head word that has forms): each one is a whole run of every text the
// entry matches, so an entry one of whose runs a text lacks cannot match
// there ("less sore" where "sore" stands alone).
std::vector<std::string> EntryRuns(std::string_view entry, bool use_forms);

// Lists of strings such that every text `regex` matches contains a string
// of each list: found from RE2's own prefilter (FilteredRE2), each list a
// few strings, disjoint from the others, lower case, ASCII (the text is
// folded, so an ASCII string of its lower case form is one of the text
// too); a string may be one byte ("#", a digit). A list with a whitespace
// byte is left out: every sentence of more than one word has a space.
// Empty when RE2 finds no such list.
// Compiles the regex: the build calls this, not a run.
std::vector<std::vector<std::string>> RequiredLiterals(const std::string& regex,
                                                       const RE2::Options& options);

// Per word group of `near`, the most words an entry of it spans where it
// matches, counting words as the gap between groups does (runs of ASCII
// letters, digits, apostrophes and non-ASCII characters): "pain-free" is
// two, "i've" one.
std::vector<uint32_t> GroupSpans(const NearPattern& near);

// Whether the entry `index` of `near` (counting group after group), which
// reads `entry`, can occur in the text of `runs`: one of its EntryWords is
// a run there, or it has none, and so are all of its EntryRuns. Uses the
// stored words and runs when `near` has them.
bool EntryMayOccur(const NearPattern& near, size_t index, std::string_view entry,
                   const TextRuns& runs);

}  // namespace claimlint::rules

#endif  // CLAIMLINT_RULES_RULES_H_
