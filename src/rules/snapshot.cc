// The snapshot format: a header, then every field of the pack in the order
// Fields() visits it. Numbers are LEB128 varints, strings a length and
// their bytes, lists a count and their items. Writer and Reader share the
// Fields() functions, so they cannot disagree on a field.

#include "rules/snapshot.h"

#include <cstdint>
#include <type_traits>

namespace claimlint::rules {

namespace {

// Changes whenever a field is added, removed or reordered.
constexpr std::string_view kHeader = "claimlint-pack-snapshot-7\n";

// A parameter that is `Struct`, const (writing) or not (reading).
template <typename T, typename Struct>
concept Is = std::is_same_v<std::remove_const_t<T>, Struct>;

template <typename Archive, Is<PackInfo> Info>
void Fields(Archive& archive, Info& info) {
  archive(info.id, info.name, info.version, info.jurisdiction, info.description, info.origin);
}

template <typename Archive, Is<Example> E>
void Fields(Archive& archive, E& example) {
  archive(example.text, example.must_flag);
}

template <typename Archive, Is<Action> A>
void Fields(Archive& archive, A& action) {
  archive(action.kind, action.severity);
}

template <typename Archive, Is<ContextPolicy> P>
void Fields(Archive& archive, P& policy) {
  archive(policy.hedged, policy.negated, policy.supported, policy.question, policy.heading,
          policy.quoted);
}

template <typename Archive, Is<NearPattern> N>
void Fields(Archive& archive, N& near) {
  archive(near.groups, near.within, near.any_order, near.use_forms, near.entry_words,
          near.entry_runs, near.group_spans);
}

template <typename Archive, Is<Rule> R>
void Fields(Archive& archive, R& rule) {
  archive(rule.id, rule.pack_id, rule.kind, rule.category, rule.severity, rule.message,
          rule.rationale, rule.suggestion, rule.patterns, rule.unless, rule.examples, rule.policy,
          rule.trigger_categories, rule.trigger_rules, rule.placement, rule.within,
          rule.require_all, rule.when);
}

template <typename Archive, Is<Lexicon> L>
void Fields(Archive& archive, L& lexicon) {
  for (auto* list : CueLists(lexicon)) archive(list->regexes, list->required_literals);
  archive(lexicon.evidence_domains);
}

template <typename Archive, Is<PackContents> C>
void Fields(Archive& archive, C& contents) {
  archive(contents.info, contents.rules, contents.first_disclaimer, contents.lexicon);
}

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  template <typename... T>
  void operator()(const T&... values) {
    (Put(values), ...);
  }

 private:
  void PutNumber(uint64_t value) {
    do {
      uint8_t byte = value & 0x7f;
      value >>= 7;
      out_.push_back(static_cast<char>(value ? byte | 0x80 : byte));
    } while (value);
  }
  void Put(std::string_view text) {
    PutNumber(text.size());
    out_ += text;
  }
  void Put(const std::string& text) { Put(std::string_view(text)); }
  void Put(const StringLists& table) { Put(table.block()); }
  template <typename T>
  void Put(const std::vector<T>& items) {
    PutNumber(items.size());
    for (const T& item : items) Put(item);
  }
  // A phrase or regex keeps its RE2 source (and required literals); a near
  // pattern its words, with the words the prefilter looks up for each entry,
  // each entry's runs and its groups' spans worked out now.
  void Put(const Pattern& pattern) {
    PutNumber(pattern.near ? 1 : 0);
    if (pattern.near) {
      NearPattern near = *pattern.near;
      std::vector<std::vector<std::string>> words, runs;
      near.groups.ForEachString(0, near.groups.lists(), [&](std::string_view entry) {
        words.push_back(EntryWords(entry, near.use_forms));
        runs.push_back(EntryRuns(entry, near.use_forms));
      });
      near.entry_words = StringLists::Build(words);
      near.entry_runs = StringLists::Build(runs);
      near.group_spans = GroupSpans(near);
      Put(near);
    } else {
      (*this)(pattern.written, pattern.re.regex(), pattern.required_literals);
    }
    Put(pattern.fix);
  }
  template <typename T>
  void Put(const std::optional<T>& value) {
    PutNumber(value.has_value());
    if (value) Put(*value);
  }
  template <typename T>
  void Put(const T& value) {
    if constexpr (std::is_enum_v<T> || std::is_integral_v<T>) {
      PutNumber(static_cast<uint64_t>(value));
    } else {
      Fields(*this, value);
    }
  }

  std::string& out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  template <typename... T>
  void operator()(T&... values) {
    (Get(values), ...);
  }
  // Whether every read was within the bytes, and all of them were read.
  bool ok_and_done() const { return ok_ && in_.empty(); }

 private:
  uint64_t GetNumber() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) break;
      uint8_t byte = static_cast<uint8_t>(in_.front());
      in_.remove_prefix(1);
      value |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    ok_ = false;
    return 0;
  }
  void Get(std::string_view& text) {
    uint64_t size = GetNumber();
    if (size > in_.size()) {
      ok_ = false;
      return;
    }
    text = in_.substr(0, size);
    in_.remove_prefix(size);
  }
  void Get(std::string& text) {
    std::string_view view;
    Get(view);
    text.assign(view);
  }
  // Views the snapshot's bytes.
  void Get(StringLists& table) {
    std::string_view block;
    Get(block);
    std::optional<StringLists> viewed = StringLists::View(block);
    if (!viewed) {
      ok_ = false;
      return;
    }
    table = std::move(*viewed);
  }
  template <typename T>
  void Get(std::vector<T>& items) {
    uint64_t count = GetNumber();
    // Every item takes at least a byte: a count beyond the bytes left is
    // not a snapshot's.
    if (count > in_.size()) {
      ok_ = false;
      return;
    }
    items.resize(count);
    for (T& item : items) Get(item);
  }
  void Get(Pattern& pattern) {
    if (GetNumber() == 1) {
      NearPattern near;
      Get(near);
      pattern = MakeNearPattern(std::move(near));
    } else {
      std::string written, regex;
      (*this)(written, regex);
      pattern = MakeRegexPattern(std::move(written), std::move(regex));
      Get(pattern.required_literals);
    }
    Get(pattern.fix);
  }
  template <typename T>
  void Get(std::optional<T>& value) {
    if (GetNumber() == 0) return;
    value.emplace();
    Get(*value);
  }
  template <typename T>
  void Get(T& value) {
    if constexpr (std::is_enum_v<T> || std::is_integral_v<T>) {
      value = static_cast<T>(GetNumber());
    } else {
      Fields(*this, value);
    }
  }

  std::string_view in_;
  bool ok_ = true;
};

}  // namespace

void AddRequiredLiterals(PackContents& contents) {
  for (Rule& rule : contents.rules) {
    for (auto* patterns : {&rule.patterns, &rule.unless, &rule.when}) {
      for (Pattern& pattern : *patterns) {
        if (pattern.near) continue;
        pattern.required_literals = RequiredLiterals(pattern.re.regex(), pattern.re.options());
      }
    }
  }
  RE2::Options cue_options;  // a cue list's parse flags are the defaults
  cue_options.set_log_errors(false);
  for (CueList* list : CueLists(contents.lexicon)) {
    list->required_literals.clear();
    for (const std::string& regex : list->regexes) {
      list->required_literals.push_back(RequiredLiterals(regex, cue_options));
    }
  }
}

std::string WriteSnapshot(const PackContents& contents) {
  std::string out(kHeader);
  Writer writer(out);
  writer(contents);
  return out;
}

std::optional<PackContents> ReadSnapshot(std::string_view snapshot) {
  if (!snapshot.starts_with(kHeader)) return std::nullopt;
  PackContents contents;
  Reader reader(snapshot.substr(kHeader.size()));
  reader(contents);
  if (!reader.ok_and_done()) return std::nullopt;
  return contents;
}

}  // namespace claimlint::rules
