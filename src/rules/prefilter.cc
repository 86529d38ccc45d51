// The prefilter: which claim patterns may match a block of folded text.

#include <re2/filtered_re2.h>
#include <re2/set.h>

#include <string.h>

#include <cctype>

#include <algorithm>
#include <optional>

#include "rules/forms.h"
#include "rules/rules.h"

namespace claimlint::rules {

namespace {

bool IsRunChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Calls `visit` with each maximal run of ASCII letters and digits in `text`.
template <typename Visit>
void ForEachRun(std::string_view text, Visit visit) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsRunChar(text[i])) ++i;
    size_t begin = i;
    while (i < text.size() && IsRunChar(text[i])) ++i;
    if (i > begin) visit(text.substr(begin, i - begin));
  }
}

// A byte of a word as the gap of a near pattern counts words (NearToRegex):
// every run is part of one such word.
bool IsGapWordByte(char c) {
  return IsRunChar(c) || c == '\'' || static_cast<unsigned char>(c) >= 0x80;
}

// Calls `visit(run, position)` with each maximal run of ASCII letters and
// digits in `text` and the position of the gap word holding it.
template <typename Visit>
void ForEachRunAt(std::string_view text, Visit visit) {
  uint32_t position = 0;
  bool in_word = false;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsGapWordByte(text[i])) {
      in_word = false;
      ++i;
      continue;
    }
    if (!in_word) ++position;
    in_word = true;
    if (!IsRunChar(text[i])) {
      ++i;
      continue;
    }
    size_t begin = i;
    while (i < text.size() && IsRunChar(text[i])) ++i;
    visit(text.substr(begin, i - begin), position);
  }
}

uint32_t CountGapWords(std::string_view text) {
  uint32_t words = 0;
  bool in_word = false;
  for (char c : text) {
    if (IsGapWordByte(c) && !in_word) ++words;
    in_word = IsGapWordByte(c);
  }
  return words;
}

}  // namespace

std::vector<uint32_t> GroupSpans(const NearPattern& near) {
  std::vector<uint32_t> spans;
  for (size_t g = 0; g < near.groups.lists(); ++g) {
    uint32_t most = 0;
    for (std::string_view entry : near.groups.Of(g)) {
      // The head word's forms are single ASCII words, as the head word is
      // when it has forms.
      uint32_t words = 0;
      for (const std::string& word : EntryWordList(entry)) words += CountGapWords(word);
      most = std::max(most, words);
    }
    spans.push_back(most);
  }
  return spans;
}

// An entry matches as its folded words joined by single spaces, the last
// one in any of its forms, with \b where an edge is an ASCII word character
// (EntryToRegex). So each letter-and-digit run of a literal word is a whole
// run of the text wherever the entry matches: it is bounded by a space, a
// \b or a character outside the run class. An entry that is looked up by
// its head word's forms needs all of them.
namespace {

// Whether the last of an entry's `words` is matched in any of its forms: a
// head word with forms stands for several words; a closed-class head word
// ("for") has only itself and counts as literal.
bool HeadHasForms(const std::vector<std::string>& words, bool use_forms) {
  return use_forms && !words.empty() && IsAsciiWord(words.back()) &&
         !IsFunctionWord(words.back());
}

}  // namespace

std::vector<std::string> EntryWords(std::string_view entry, bool use_forms) {
  std::vector<std::string> words = EntryWordList(entry);
  const bool head_has_forms = HeadHasForms(words, use_forms);
  // The most selective word: the longest literal content word ("need" in
  // "without the need for"), else the head word's forms, else the longest
  // function word, which nearly every block has.
  std::string content, function;
  for (size_t w = 0; w + (head_has_forms ? 1 : 0) < words.size(); ++w) {
    ForEachRun(words[w], [&](std::string_view run) {
      std::string& best = IsFunctionWord(run) ? function : content;
      if (run.size() > best.size()) best = std::string(run);
    });
  }
  if (!content.empty()) return {content};
  if (head_has_forms) return WordForms(words.back());
  if (!function.empty()) return {function};
  return {};
}

std::vector<std::string> EntryRuns(std::string_view entry, bool use_forms) {
  std::vector<std::string> words = EntryWordList(entry);
  const bool head_has_forms = HeadHasForms(words, use_forms);
  std::vector<std::string> runs;
  for (size_t w = 0; w + (head_has_forms ? 1 : 0) < words.size(); ++w) {
    ForEachRun(words[w], [&](std::string_view run) { runs.emplace_back(run); });
  }
  std::sort(runs.begin(), runs.end());
  runs.erase(std::unique(runs.begin(), runs.end()), runs.end());
  return runs;
}

std::vector<std::vector<std::string>> RequiredLiterals(const std::string& regex,
                                                       const RE2::Options& options) {
  // Every atom counts, however short: "#" or a digit rules out most
  // sentences a pattern's long words let through ("#1 treatment", "lose
  // 10 pounds"), and a short string costs a memchr.
  re2::FilteredRE2 filter(/*min_atom_len=*/1);
  int id = 0;
  if (filter.Add(regex, options, &id) != RE2::NoError) return {};
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  // The regex passes when the atoms present satisfy its and/or tree of
  // atoms. A set of atoms is required when the regex cannot pass with every
  // atom but those present: every match then has one of them.
  auto required = [&](const std::vector<bool>& in_set) {
    std::vector<int> present;
    for (size_t a = 0; a < atoms.size(); ++a) {
      if (!in_set[a]) present.push_back(static_cast<int>(a));
    }
    std::vector<int> potential;
    filter.AllPotentials(present, &potential);
    return potential.empty();
  };
  // Shortest first: what is left of a set is its longer (rarer) atoms.
  std::vector<size_t> order(atoms.size());
  for (size_t a = 0; a < order.size(); ++a) order[a] = a;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return atoms[a].size() < atoms[b].size(); });
  // Each list is a smallest required set among the atoms no earlier list
  // took, so lists stand for the parts of a concatenation ("lose" ... "kg").
  std::vector<bool> unused(atoms.size(), true);
  std::vector<std::vector<std::string>> lists;
  while (lists.size() < 4 && required(unused)) {
    std::vector<bool> in_set = unused;
    for (size_t a : order) {
      if (!in_set[a]) continue;
      in_set[a] = false;
      if (!required(in_set)) in_set[a] = true;
    }
    std::vector<std::string> list;
    bool telling = true;
    for (size_t a = 0; a < atoms.size(); ++a) {
      if (!in_set[a]) continue;
      unused[a] = false;
      list.push_back(atoms[a]);
      // An atom with a byte beyond ASCII may differ between the text and
      // its lower case: no promise from this list then. A list with a
      // whitespace byte rules out no sentence of two words.
      telling = telling && std::none_of(atoms[a].begin(), atoms[a].end(), [](char c) {
                  return static_cast<unsigned char>(c) >= 0x80;
                });
      telling = telling &&
                !(atoms[a].size() == 1 && std::isspace(static_cast<unsigned char>(atoms[a][0])));
    }
    std::sort(list.begin(), list.end());
    if (telling) lists.push_back(std::move(list));
  }
  return lists;
}

StringLists StringLists::Build(const std::vector<std::vector<std::string>>& lists) {
  std::string block;
  auto put = [&](size_t number) {
    for (int byte = 0; byte < 4; ++byte) block.push_back(static_cast<char>(number >> (8 * byte)));
  };
  size_t strings = 0;
  for (const std::vector<std::string>& list : lists) strings += list.size();
  put(lists.size());
  put(strings);
  size_t end = 0;
  for (const std::vector<std::string>& list : lists) put(end += list.size());
  end = 0;
  for (const std::vector<std::string>& list : lists) {
    for (const std::string& string : list) put(end += string.size());
  }
  for (const std::vector<std::string>& list : lists) {
    for (const std::string& string : list) block += string;
  }
  StringLists built = *View(block);
  built.owned_ = std::make_shared<const std::string>(std::move(block));
  built.block_ = *built.owned_;
  return built;
}

std::optional<StringLists> StringLists::View(std::string_view block) {
  StringLists viewed;
  viewed.block_ = block;
  if (block.size() < 8) return block.empty() ? std::optional(viewed) : std::nullopt;
  viewed.lists_ = viewed.Number(0);
  viewed.strings_ = viewed.Number(1);
  const uint64_t numbers = 2 + uint64_t{viewed.lists_} + viewed.strings_;
  if (block.size() < 4 * numbers) return std::nullopt;
  // Every end within bounds and none before the one before it, so every
  // Of and String stays inside the block.
  auto ascending = [&](size_t first, size_t count, uint64_t last) {
    uint32_t previous = 0;
    for (size_t i = first; i < first + count; ++i) {
      if (viewed.Number(i) < previous) return false;
      previous = viewed.Number(i);
    }
    return previous == last;
  };
  if (!ascending(2, viewed.lists_, viewed.strings_) ||
      !ascending(2 + viewed.lists_, viewed.strings_, block.size() - 4 * numbers)) {
    return std::nullopt;
  }
  return viewed;
}

std::vector<std::vector<std::string>> StringLists::ToVectors() const {
  std::vector<std::vector<std::string>> vectors;
  for (size_t list = 0; list < lists_; ++list) {
    Strings strings = Of(list);
    vectors.emplace_back(strings.begin(), strings.end());
  }
  return vectors;
}

std::string_view StringLists::String(uint32_t string) const {
  const size_t ends = 2 + size_t{lists_};
  const uint32_t begin = string == 0 ? 0 : Number(ends + string - 1);
  return block_.substr(4 * (ends + strings_) + begin, Number(ends + string) - begin);
}

bool EntryMayOccur(const NearPattern& near, size_t index, std::string_view entry,
                   const TextRuns& runs) {
  auto any_run = [&](const auto& words) {
    return words.empty() || std::any_of(words.begin(), words.end(),
                                        [&](std::string_view w) { return runs.contains(w); });
  };
  auto every_run = [&](const auto& words) {
    return std::all_of(words.begin(), words.end(),
                       [&](std::string_view w) { return runs.contains(w); });
  };
  if (index < near.entry_words.lists() && index < near.entry_runs.lists()) {
    return any_run(near.entry_words.Of(index)) && every_run(near.entry_runs.Of(index));
  }
  return any_run(EntryWords(entry, near.use_forms)) &&
         every_run(EntryRuns(entry, near.use_forms));
}

TextRuns::TextRuns(std::string_view folded_text) {
  ForEachRun(folded_text, [&](std::string_view run) {
    runs_.insert(run);
    const uint32_t bit = FilterBit(run);
    filter_[bit / 64] |= uint64_t{1} << (bit % 64);
  });
}

const Pattern& Prefilter::PatternOf(int ref) const {
  return rules_[refs_[ref].rule].patterns[refs_[ref].pattern];
}

template <typename Visit>
void Prefilter::ForEachEntryWord(Visit visit) const {
  for (uint32_t slot = 0; slot < near_.size(); ++slot) {
    const NearPattern& near = *PatternOf(near_[slot].ref).near;
    const StringLists& entry_words = *near_[slot].entry_words;
    size_t index = 0;
    for (size_t g = 0; g < near.groups.lists(); ++g) {
      for (size_t e = 0; e < near.groups.Of(g).size(); ++e, ++index) {
        if (g >= 32) continue;
        const uint32_t bit = 1u << g;
        if (entry_words.Of(index).empty()) visit(slot, bit, nullptr);
        entry_words.ForEachString(index, index + 1,
                                [&](std::string_view word) { visit(slot, bit, &word); });
      }
    }
  }
}

Prefilter::Prefilter(const std::vector<Rule>& rules, const std::vector<PatternRef>& refs)
    : rules_(rules), refs_(refs) {
  slot_of_ref_.assign(refs.size(), -1);
  for (size_t i = 0; i < refs.size(); ++i) {
    const Pattern& pattern = PatternOf(static_cast<int>(i));
    if (!pattern.near) {
      set_refs_.push_back(static_cast<int>(i));
      per_document_ok_ = per_document_ok_ && pattern.required_literals.has_value();
      continue;
    }
    const NearPattern& near = *pattern.near;
    const size_t entries = near.groups.All().size();
    NearSlot slot{static_cast<int>(i), 0, 0, &near.entry_words, &near.entry_runs,
                  &near.group_spans};
    if (near.group_spans.size() != near.groups.lists()) {
      per_document_ok_ = false;
      slot.group_spans = &computed_spans_.emplace_back(GroupSpans(near));
    }
    if (near.entry_words.lists() != entries || near.entry_runs.lists() != entries) {
      per_document_ok_ = false;
      std::vector<std::vector<std::string>> words, runs;
      near.groups.ForEachString(0, near.groups.lists(), [&](std::string_view entry) {
        words.push_back(EntryWords(entry, near.use_forms));
        runs.push_back(EntryRuns(entry, near.use_forms));
      });
      slot.entry_words = &computed_words_.emplace_back(StringLists::Build(words));
      slot.entry_runs = &computed_words_.emplace_back(StringLists::Build(runs));
    }
    for (size_t g = 0; g < near.groups.lists() && g < 32; ++g) slot.all_groups |= 1u << g;
    slot.first_group = static_cast<uint32_t>(group_order_.size());
    uint32_t entry = 0;
    for (size_t g = 0; g < near.groups.lists() && g < 32; ++g) {
      const uint32_t end = entry + static_cast<uint32_t>(near.groups.Of(g).size());
      group_order_.push_back({entry, end, 1u << g});
      entry = end;
    }
    slot.groups = static_cast<uint32_t>(group_order_.size()) - slot.first_group;
    const StringLists& table = *slot.entry_words;
    std::stable_sort(group_order_.begin() + slot.first_group, group_order_.end(),
                     [&](const GroupEntries& a, const GroupEntries& b) {
                       return table.Of(a.first_entry, a.end_entry).size() <
                              table.Of(b.first_entry, b.end_entry).size();
                     });
    slot_of_ref_[i] = static_cast<int>(near_.size());
    near_.push_back(slot);
  }
  // Groups with an entry that has no word to look up are always present.
  for (NearSlot& slot : near_) {
    for (uint32_t g = 0; g < slot.groups; ++g) {
      const GroupEntries& group = group_order_[slot.first_group + g];
      for (uint32_t entry = group.first_entry; entry < group.end_entry; ++entry) {
        if (slot.entry_words->Of(entry).empty()) slot.always |= group.bit;
      }
    }
  }
}

Prefilter::~Prefilter() = default;

const Prefilter::WordIndex& Prefilter::Words() const {
  std::call_once(words_once_, [this] {
    ForEachEntryWord([&](uint32_t slot, uint32_t bit, const std::string_view* word) {
      if (word == nullptr) return;
      auto& users = words_[*word];
      if (users.empty() || users.back() != std::make_pair(slot, bit)) {
        users.emplace_back(slot, bit);
      }
    });
  });
  return words_;
}

const RE2::Set* Prefilter::Set() const {
  std::call_once(set_once_, [this] {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(48 << 20);
    set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    // Patterns are checked before they get here; should one still fail to
    // parse, the Set is not used and all its patterns are proposed.
    bool all_added = true;
    for (int i : set_refs_) {
      const Pattern& pattern = PatternOf(i);
      all_added = set_->Add(pattern.re.regex(), nullptr) >= 0 && all_added;
    }
    set_ok_ = all_added && set_->Compile();
  });
  return set_ok_ ? set_.get() : nullptr;
}

bool Prefilter::set_ok() const { return Set() != nullptr; }

std::vector<uint32_t> Prefilter::GroupsPresent(std::string_view folded_text,
                                               const WordIndex& words) const {
  std::vector<uint32_t> present(near_.size());
  for (size_t s = 0; s < near_.size(); ++s) present[s] = near_[s].always;
  ForEachRun(folded_text, [&](std::string_view run) {
    auto it = words.find(run);
    if (it == words.end()) return;
    for (auto [slot, bit] : it->second) present[slot] |= bit;
  });
  return present;
}

void Prefilter::AddNearCandidates(std::string_view folded_text, const WordIndex& words,
                                  std::vector<int>& candidates) const {
  std::vector<uint32_t> present = GroupsPresent(folded_text, words);
  for (size_t s = 0; s < near_.size(); ++s) {
    if (present[s] == near_[s].all_groups) candidates.push_back(near_[s].ref);
  }
  std::sort(candidates.begin(), candidates.end());
}

namespace {

// Below this, a scan of the text is as quick as filling a filter. A
// sentence is worth one: Narrow asks it for a few literals of every
// candidate (5 KB article: 2.9 M -> 1.9 M instructions in Narrow).
constexpr size_t kTextLiteralsFilterMin = 64;

}  // namespace

TextLiterals::TextLiterals(std::string_view folded_text) : text_(folded_text) {
  if (text_.size() < kTextLiteralsFilterMin) return;
  // About 16 bits per three-byte string keeps false hits rare.
  int log2_bits = 10;
  while (log2_bits < 24 && (size_t{1} << log2_bits) < text_.size() * 16) ++log2_bits;
  shift_ = 32 - log2_bits;
  bits_.assign((size_t{1} << log2_bits) / 64, 0);
  for (size_t i = 0; i + 3 <= text_.size(); ++i) {
    uint32_t bit = Bit(text_.data() + i);
    bits_[bit / 64] |= uint64_t{1} << (bit % 64);
  }
}

uint32_t TextLiterals::Bit(const char* three_bytes) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(three_bytes);
  uint32_t key = bytes[0] | bytes[1] << 8 | bytes[2] << 16;
  return (key * 0x9E3779B1u) >> shift_;
}

bool TextLiterals::Contains(std::string_view literal) const {
  if (!bits_.empty() && literal.size() >= 3) {
    for (size_t i = 0; i + 3 <= literal.size(); ++i) {
      uint32_t bit = Bit(literal.data() + i);
      if ((bits_[bit / 64] & (uint64_t{1} << (bit % 64))) == 0) return false;
    }
  }
  // glibc's memmem skips ahead where string_view::find stops at every
  // match of the first byte, but sets up a table first: on a text too
  // short for a filter, find is the quicker.
  if (bits_.empty()) return text_.find(literal) != std::string_view::npos;
  return memmem(text_.data(), text_.size(), literal.data(), literal.size()) != nullptr;
}

bool MayMatchLiterals(const std::vector<std::vector<std::string>>& literals,
                      const TextLiterals& text) {
  return std::all_of(literals.begin(), literals.end(), [&](const std::vector<std::string>& list) {
    return std::any_of(list.begin(), list.end(),
                       [&](const std::string& s) { return text.Contains(s); });
  });
}

bool Pattern::MayMatch(const TextLiterals& text) const {
  return !required_literals || MayMatchLiterals(*required_literals, text);
}

std::vector<int> Prefilter::Candidates(std::string_view folded_text) const {
  std::vector<int> candidates;
  std::vector<int> matched;
  RE2::Set::ErrorInfo error;
  const RE2::Set* set = Set();
  if (set != nullptr && set->Match(folded_text, &matched, &error)) {
    for (int id : matched) candidates.push_back(set_refs_[id]);
  } else if (set == nullptr || error.kind != RE2::Set::kNoError) {
    candidates = set_refs_;  // the Set could not tell: propose them all
  }
  AddNearCandidates(folded_text, Words(), candidates);
  return candidates;
}

DocumentPrefilter Prefilter::ForDocument(std::string_view folded_document,
                                          const TextRuns& runs) const {
  DocumentPrefilter document;
  document.prefilter_ = this;
  // The near patterns with a word of each group in the document, and the
  // index of their words it has. A group's words are looked up from the
  // smallest group on, so most patterns are ruled out by the few words of
  // one group the document lacks.
  std::vector<std::pair<std::string_view, uint32_t>> found;  // (word, group bit)
  for (uint32_t slot = 0; slot < near_.size(); ++slot) {
    const NearSlot& near_slot = near_[slot];
    const StringLists& table = *near_slot.entry_words;
    found.clear();
    bool complete = true;
    for (uint32_t g = 0; g < near_slot.groups && complete; ++g) {
      const GroupEntries& group = group_order_[near_slot.first_group + g];
      bool present = (near_slot.always & group.bit) != 0;
      table.ForEachString(group.first_entry, group.end_entry, [&](std::string_view word) {
        if (!runs.contains(word)) return;
        found.emplace_back(word, group.bit);
        present = true;
      });
      complete = present;
    }
    if (!complete) continue;
    document.candidates_.push_back(near_slot.ref);
    for (auto [word, bit] : found) {
      auto& users = document.words_[word];
      if (users.empty() || users.back() != std::make_pair(slot, bit)) {
        users.emplace_back(slot, bit);
      }
    }
  }
  TextLiterals literals(folded_document);
  for (int ref : set_refs_) {
    if (PatternOf(ref).MayMatch(literals)) document.candidates_.push_back(ref);
  }
  std::sort(document.candidates_.begin(), document.candidates_.end());
  return document;
}

std::vector<int> Prefilter::Narrow(std::string_view folded_part,
                                   const std::vector<int>& candidates) const {
  return Narrow(folded_part, candidates, Words(), /*whole_entries=*/false);
}

std::vector<int> Prefilter::Narrow(std::string_view folded_part,
                                   const std::vector<int>& candidates,
                                   const WordIndex& words, bool whole_entries) const {
  std::vector<uint32_t> present(near_.size());
  for (size_t s = 0; s < near_.size(); ++s) present[s] = near_[s].always;
  // The users of each word found, and its position.
  std::vector<std::pair<const std::vector<std::pair<uint32_t, uint32_t>>*, uint32_t>> found;
  ForEachRunAt(folded_part, [&](std::string_view run, uint32_t position) {
    auto it = words.find(run);
    if (it == words.end()) return;
    for (auto [slot, bit] : it->second) present[slot] |= bit;
    found.emplace_back(&it->second, position);
  });
  // The near candidates with every group here still need their words
  // close enough: their positions, by slot, then group, then position.
  std::vector<char> complete(near_.size(), 0);
  bool any_complete = false;
  for (int ref : candidates) {
    int slot = slot_of_ref_[ref];
    if (slot >= 0 && present[slot] == near_[slot].all_groups) complete[slot] = any_complete = true;
  }
  std::vector<std::array<uint32_t, 3>> seen;
  if (any_complete) {
    for (const auto& [users, position] : found) {
      for (auto [slot, bit] : *users) {
        if (complete[slot]) seen.push_back({slot, bit, position});
      }
    }
    std::sort(seen.begin(), seen.end());
  }
  // Filled for the first regex candidate: most sentences of a batch have
  // none.
  std::optional<TextLiterals> literals;
  auto may_match_literals = [&](const Pattern& pattern) {
    if (!literals) literals.emplace(folded_part);
    return pattern.MayMatch(*literals);
  };
  // The part's runs, sorted, for the first near candidate that gets that
  // far.
  std::vector<std::string_view> part_runs;
  auto groups_occur = [&](uint32_t slot) {
    if (part_runs.empty()) {
      ForEachRun(folded_part, [&](std::string_view run) { part_runs.push_back(run); });
      std::sort(part_runs.begin(), part_runs.end());
    }
    return EveryGroupMayOccur(slot, part_runs);
  };
  std::vector<int> kept;
  for (int ref : candidates) {
    int slot = slot_of_ref_[ref];
    const bool may_match = slot < 0 ? may_match_literals(PatternOf(ref))
                                    : complete[slot] &&
                                          CloseEnough(static_cast<uint32_t>(slot), seen) &&
                                          (!whole_entries ||
                                           groups_occur(static_cast<uint32_t>(slot)));
    if (may_match) kept.push_back(ref);
  }
  return kept;
}

bool Prefilter::EveryGroupMayOccur(uint32_t slot,
                                   const std::vector<std::string_view>& sorted_runs) const {
  const NearSlot& near_slot = near_[slot];
  auto has = [&](std::string_view run) {
    return std::binary_search(sorted_runs.begin(), sorted_runs.end(), run);
  };
  for (uint32_t g = 0; g < near_slot.groups; ++g) {
    const GroupEntries& group = group_order_[near_slot.first_group + g];
    bool occurs = false;
    for (uint32_t entry = group.first_entry; entry < group.end_entry && !occurs; ++entry) {
      const StringLists::Strings words = near_slot.entry_words->Of(entry);
      const StringLists::Strings runs = near_slot.entry_runs->Of(entry);
      occurs = (words.empty() || std::any_of(words.begin(), words.end(), has)) &&
               std::all_of(runs.begin(), runs.end(), has);
    }
    if (!occurs) return false;
  }
  return true;
}

bool Prefilter::CloseEnough(uint32_t slot,
                            const std::vector<std::array<uint32_t, 3>>& seen) const {
  const NearSlot& near_slot = near_[slot];
  const NearPattern& near = *PatternOf(near_slot.ref).near;
  const std::vector<uint32_t>& spans = *near_slot.group_spans;
  // The ascending positions of the words of group `bit` of this slot.
  auto positions = [&](uint32_t bit) {
    auto from = std::lower_bound(seen.begin(), seen.end(), std::array<uint32_t, 3>{slot, bit, 0});
    auto to = std::lower_bound(from, seen.end(), std::array<uint32_t, 3>{slot, bit + 1, 0});
    return std::span<const std::array<uint32_t, 3>>(from, to);
  };
  // Whether a word of `later` follows one of `earlier` by 1 to `reach`.
  auto follows = [](std::span<const std::array<uint32_t, 3>> earlier,
                    std::span<const std::array<uint32_t, 3>> later, uint32_t reach) {
    size_t e = 0;
    for (const auto& q : later) {
      while (e + 1 < earlier.size() && earlier[e + 1][2] < q[2]) ++e;
      if (e < earlier.size() && earlier[e][2] < q[2] && q[2] - earlier[e][2] <= reach) {
        return true;
      }
    }
    return false;
  };
  // Where group g's match ends and group g + 1's begins, at most `within`
  // words stand; a looked-up word lies within its entry's span. A group
  // with an entry that has no word to look up may match anywhere.
  auto pair_fits = [&](size_t g, bool either_order) {
    const uint32_t bit = 1u << g, next = 1u << (g + 1);
    if ((near_slot.always & (bit | next)) != 0) return true;
    const uint32_t reach = near.within + spans[g] + spans[g + 1] - 1;
    auto first = positions(bit), second = positions(next);
    return follows(first, second, reach) || (either_order && follows(second, first, reach));
  };
  // Either order reverses the first two groups only (NearToRegex).
  if (near.any_order) return near.groups.lists() < 2 || pair_fits(0, true);
  for (size_t g = 0; g + 1 < near.groups.lists() && g + 1 < 32; ++g) {
    if (!pair_fits(g, false)) return false;
  }
  return true;
}

}  // namespace claimlint::rules
