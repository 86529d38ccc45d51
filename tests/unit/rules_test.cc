// Rule packs: every loader error names the file and the line:col of a JSON
// syntax error or the path of the bad field; phrases and regexes compile to
// RE2; the embedded core pack loads, and its word forms come from the
// build-time table.

#include "rules/rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "rules/forms.h"
#include "rules/snapshot.h"
#include "test_files.h"
#include "text/text.h"

namespace claimlint::rules {
namespace {

// A valid rule with one field replaced by `override_json` (a JSON fragment
// such as "\"severity\": \"fatal\"" appended last, so it wins).
std::string Pack(const std::string& rules_json) {
  return "{\"pack\": {\"id\": \"t\", \"version\": \"1\"}, \"rules\": [" + rules_json + "]}";
}

std::string Rule(const std::string& id, const std::string& extra = "",
                 const std::string& patterns = "[{\"phrase\": \"cures sciatica\"}]") {
  return "{\"id\": \"" + id +
         "\", \"category\": \"disease\", \"severity\": \"error\", \"message\": \"m\", "
         "\"rationale\": \"r\", \"suggestion\": \"s\", \"patterns\": " +
         patterns +
         ", \"examples\": {\"flag\": [\"It [[cures sciatica]].\", \"Oil [[cures sciatica]].\"], "
         "\"pass\": [\"No.\", \"It does not cure sciatica.\"]}" +
         extra + "}";
}

std::vector<std::string> Errors(const std::string& text) {
  auto pack = Load({{"pack.json", text}});
  std::vector<std::string> out;
  if (!pack.ok()) {
    for (const Diagnostic& d : pack.errors()) out.push_back(d.ToString());
  }
  return out;
}

TEST(Load, AcceptsAValidPackWithComments) {
  auto pack = Load({{"p.json", "// a comment\n" + Pack(Rule("t.a")) + "\n/* end */"}});
  ASSERT_TRUE(pack.ok()) << pack.errors()[0].ToString();
  ASSERT_EQ(pack.value()->rules().size(), 1u);
  EXPECT_EQ(pack.value()->rules()[0].severity, Severity::kError);
  EXPECT_EQ(pack.value()->packs()[0].id, "t");
}

TEST(Load, SyntaxErrorGivesLineColumnAndWhatWasExpected) {
  std::vector<std::string> errors = Errors("{\n  \"pack\": {\"id\": \"t\",}\n}");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("pack.json:2:"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("expected"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("[CL201]"), std::string::npos) << errors[0];
}

TEST(Load, BadFieldGivesItsPathAndWhy) {
  std::vector<std::string> errors =
      Errors(Pack(Rule("t.a") + "," + Rule("t.b", ", \"severity\": \"fatal\"")));
  // nlohmann keeps the last duplicate key, so rule 1's severity is "fatal".
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("rules[1].severity"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("not one of: error, warning, info"), std::string::npos);
}

TEST(Load, BadRegexGivesRe2ErrorAndFragment) {
  std::vector<std::string> errors = Errors(Pack(
      Rule("t.a") + "," + Rule("t.b", "", "[{\"phrase\": \"ok\"}, {\"regex\": \"cures (sciatica\"}]")));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("rules[1].patterns[1].regex"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("missing )"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("cures (sciatica"), std::string::npos) << errors[0];
}

TEST(Load, ARegexWithACapitalFindsFoldedTextButClassNamesAreNotCapitals) {
  auto pack = Load({{"p.json", Pack(Rule("t.a", "", R"([{"regex": "cures \\pL+"},
      {"regex": "\\p{Lu}\\PL"}, {"regex": "cures Sciatica"}])"))}});
  ASSERT_TRUE(pack.ok()) << pack.errors()[0].ToString();
  const std::vector<Pattern>& patterns = pack.value()->rules()[0].patterns;
  EXPECT_EQ(patterns[0].re.regex(), "cures \\pL+");
  EXPECT_EQ(patterns[1].re.regex(), "\\p{Lu}\\PL");
  EXPECT_EQ(patterns[2].re.regex(), "(?i:cures Sciatica)");
  EXPECT_TRUE(RE2::FullMatch("cures sciatica", *patterns[2].re));
}

TEST(Load, RejectsBackreferencesThatRe2CannotRun) {
  std::vector<std::string> errors =
      Errors(Pack(Rule("t.a", "", "[{\"regex\": \"(cure)\\\\1\"}]")));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("rules[0].patterns[0].regex"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("[CL204]"), std::string::npos) << errors[0];
}

TEST(Load, DuplicateRuleIdsAreAnError) {
  std::vector<std::string> errors = Errors(Pack(Rule("t.a") + "," + Rule("t.a")));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("rules[1].id: duplicate rule id \"t.a\""), std::string::npos)
      << errors[0];
  EXPECT_NE(errors[0].find("[CL202]"), std::string::npos);
}

TEST(Load, DuplicateIdsAcrossFilesAreAnError) {
  auto pack = Load({{"a.json", Pack(Rule("t.a"))}, {"b.json", Pack(Rule("t.a"))}});
  ASSERT_FALSE(pack.ok());
  EXPECT_NE(pack.errors()[0].ToString().find("first defined in a.json rules[0]"),
            std::string::npos);
}

TEST(Load, MissingFieldsUnknownFieldsAndExamples) {
  std::vector<std::string> errors = Errors(Pack(
      "{\"id\": \"t.a\", \"category\": \"c\", \"severity\": \"info\", \"mesage\": \"typo\", "
      "\"rationale\": \"r\", \"suggestion\": \"s\", \"patterns\": [{\"phrase\": \"x\"}]}"));
  std::string all;
  for (const std::string& e : errors) all += e + "\n";
  EXPECT_NE(all.find("rules[0]: missing required field \"message\""), std::string::npos) << all;
  EXPECT_NE(all.find("rules[0].mesage: unknown field"), std::string::npos) << all;
  EXPECT_NE(all.find("rules[0]: missing required field \"examples\""), std::string::npos) << all;
}

TEST(Load, RuleIdsAreDottedAndCarryThePackId) {
  std::vector<std::string> errors = Errors(Pack(Rule("other.a") + "," + Rule("Bad Id")));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("must start with the pack id"), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("is not a dotted lowercase id"), std::string::npos) << errors[1];
}

TEST(Load, PatternThatMatchesEmptyIsRejected) {
  std::vector<std::string> errors = Errors(Pack(Rule("t.a", "", "[{\"regex\": \"x*\"}]")));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("matches the empty string"), std::string::npos);
}

TEST(PhraseToRegex, FoldsQuotesCaseAndSpaces) {
  EXPECT_EQ(PhraseToRegex("Clinically  Proven"), "\\bclinically\\s+proven\\b");
  EXPECT_EQ(PhraseToRegex("doesn\xE2\x80\x99t cure"), "\\bdoesn\\'t\\s+cure\\b");
  EXPECT_EQ(PhraseToRegex("100% safe"), "\\b100\\%\\s+safe\\b");
}

TEST(EmbeddedPacks, CorePackAndLexiconLoad) {
  ASSERT_FALSE(EmbeddedPacks().empty());
  EXPECT_EQ(EmbeddedPacks()[0].name, "<embedded:core.json>");
  ASSERT_NE(EmbeddedPack("core.json"), nullptr);
  EXPECT_EQ(EmbeddedPack("nonexistent.json"), nullptr);
  auto pack = Load({EmbeddedLexicon(), *EmbeddedPack("core.json")});
  ASSERT_TRUE(pack.ok()) << pack.errors()[0].ToString();
  EXPECT_GE(pack.value()->rules().size(), 5u);
  EXPECT_NE(pack.value()->FindRule("core.disease.cure-claim"), nullptr);
  EXPECT_FALSE(pack.value()->lexicon().negation_before.empty());
  EXPECT_GT(pack.value()->lexicon().hedge.regexes.size(), 10u);
  EXPECT_FALSE(pack.value()->lexicon().evidence_domains.empty());
}

// The built-in packs skip the per-pattern checks at start (their patterns
// compile on first use); this is where they get them: every pattern of
// every built-in pack, loaded as an outside pack would be.
TEST(EmbeddedPacks, EveryPatternCompilesWhenCheckedLikeAnOutsidePack) {
  std::vector<PackSource> sources;
  for (const PackSource& source : EmbeddedPacks()) {
    EXPECT_TRUE(source.patterns_checked) << source.name;
    if (source.name == "<embedded:lexicon.json>") {
      sources.insert(sources.begin(), {source.name, std::string(source.text())});
    } else {
      sources.push_back({source.name, std::string(source.text())});
    }
  }
  auto pack = Load(sources);
  ASSERT_TRUE(pack.ok()) << pack.errors()[0].ToString();
  EXPECT_GE(pack.value()->rules().size(), 100u);
}

void ExpectSamePatterns(const std::vector<Pattern>& json, const std::vector<Pattern>& snapshot,
                        const std::string& where) {
  ASSERT_EQ(json.size(), snapshot.size()) << where;
  for (size_t i = 0; i < json.size(); ++i) {
    SCOPED_TRACE(where + "[" + std::to_string(i) + "]");
    EXPECT_EQ(json[i].Source(), snapshot[i].Source());
    EXPECT_EQ(json[i].re.regex(), snapshot[i].re.regex());
    EXPECT_EQ(json[i].fix, snapshot[i].fix);
    ASSERT_EQ(json[i].near == nullptr, snapshot[i].near == nullptr);
    if (!json[i].near) continue;
    const NearPattern& near = *snapshot[i].near;
    EXPECT_EQ(json[i].near->groups, near.groups);
    EXPECT_EQ(json[i].near->within, near.within);
    EXPECT_EQ(json[i].near->any_order, near.any_order);
    EXPECT_EQ(json[i].near->use_forms, near.use_forms);
    size_t index = 0;
    for (std::string_view entry : near.groups.All()) {
      StringLists::Strings stored = near.entry_words.Of(index);
      EXPECT_EQ(std::vector<std::string>(stored.begin(), stored.end()),
                EntryWords(entry, near.use_forms))
          << entry;
      StringLists::Strings runs = near.entry_runs.Of(index++);
      EXPECT_EQ(std::vector<std::string>(runs.begin(), runs.end()),
                EntryRuns(entry, near.use_forms))
          << entry;
    }
    EXPECT_EQ(near.entry_words.lists(), index);
    EXPECT_EQ(near.entry_runs.lists(), index);
  }
}

// Load reads the built-in packs from the snapshots the build made of them:
// each holds every field the loader reads from the JSON, and the words the
// prefilter looks up for each near entry and the runs it checks.
TEST(EmbeddedPacks, SnapshotsHoldWhatTheJsonSays) {
  for (const PackSource& embedded : EmbeddedPacks()) {
    SCOPED_TRACE(embedded.name);
    ASSERT_FALSE(embedded.snapshot.empty());
    std::vector<Diagnostic> errors;
    PackSource as_json = embedded;
    as_json.snapshot = {};
    std::optional<PackContents> json = ReadPackSource(as_json, errors);
    ASSERT_TRUE(json && errors.empty());
    std::optional<PackContents> snapshot = ReadSnapshot(embedded.snapshot);
    ASSERT_TRUE(snapshot);
    EXPECT_EQ(json->info.id, snapshot->info.id);
    EXPECT_EQ(json->info.name, snapshot->info.name);
    EXPECT_EQ(json->info.version, snapshot->info.version);
    EXPECT_EQ(json->info.jurisdiction, snapshot->info.jurisdiction);
    EXPECT_EQ(json->info.description, snapshot->info.description);
    EXPECT_EQ(json->info.origin, snapshot->info.origin);
    EXPECT_EQ(json->first_disclaimer, snapshot->first_disclaimer);
    ASSERT_EQ(json->rules.size(), snapshot->rules.size());
    for (size_t r = 0; r < json->rules.size(); ++r) {
      const claimlint::rules::Rule& a = json->rules[r];
      const claimlint::rules::Rule& b = snapshot->rules[r];
      SCOPED_TRACE(a.id);
      EXPECT_EQ(a.id, b.id);
      EXPECT_EQ(a.pack_id, b.pack_id);
      EXPECT_EQ(a.kind, b.kind);
      EXPECT_EQ(a.category, b.category);
      EXPECT_EQ(a.severity, b.severity);
      EXPECT_EQ(a.message, b.message);
      EXPECT_EQ(a.rationale, b.rationale);
      EXPECT_EQ(a.suggestion, b.suggestion);
      ExpectSamePatterns(a.patterns, b.patterns, "patterns");
      // Phrase and regex patterns, antipatterns and `when` patterns carry
      // their required literals.
      for (const std::vector<Pattern>* list : {&b.patterns, &b.unless, &b.when}) {
        for (const Pattern& pattern : *list) {
          if (pattern.near) continue;
          ASSERT_TRUE(pattern.required_literals.has_value()) << pattern.written;
          EXPECT_EQ(*pattern.required_literals,
                    RequiredLiterals(pattern.re.regex(), pattern.re.options()))
              << pattern.written;
        }
      }
      ExpectSamePatterns(a.unless, b.unless, "unless");
      ExpectSamePatterns(a.when, b.when, "when");
      ASSERT_EQ(a.examples.size(), b.examples.size());
      for (size_t e = 0; e < a.examples.size(); ++e) {
        EXPECT_EQ(a.examples[e].text, b.examples[e].text);
        EXPECT_EQ(a.examples[e].must_flag, b.examples[e].must_flag);
      }
      for (auto field : {&ContextPolicy::hedged, &ContextPolicy::negated,
                         &ContextPolicy::supported, &ContextPolicy::question,
                         &ContextPolicy::heading, &ContextPolicy::quoted}) {
        EXPECT_EQ((a.policy.*field).Name(), (b.policy.*field).Name());
      }
      EXPECT_EQ(a.trigger_categories, b.trigger_categories);
      EXPECT_EQ(a.trigger_rules, b.trigger_rules);
      EXPECT_EQ(a.placement, b.placement);
      EXPECT_EQ(a.within, b.within);
      EXPECT_EQ(a.require_all, b.require_all);
    }
    // Cues carry their required literals, one item per entry.
    RE2::Options cue_options;
    cue_options.set_log_errors(false);
    for (size_t l = 0; l < CueLists(json->lexicon).size(); ++l) {
      const CueList& a = *CueLists(json->lexicon)[l];
      const CueList& b = *CueLists(snapshot->lexicon)[l];
      EXPECT_EQ(a.regexes, b.regexes);
      ASSERT_EQ(b.required_literals.size(), b.regexes.size());
      for (size_t e = 0; e < b.regexes.size(); ++e) {
        EXPECT_EQ(b.required_literals[e], RequiredLiterals(b.regexes[e], cue_options))
            << b.regexes[e];
      }
    }
    EXPECT_EQ(json->lexicon.evidence_domains, snapshot->lexicon.evidence_domains);
  }
}

// A snapshot that is cut short or from another format is refused, and Load
// then reads the pack's JSON: the same pack, only slower.
TEST(EmbeddedPacks, AnUnreadableSnapshotFallsBackToTheJson) {
  const PackSource& core = *EmbeddedPack("core.json");
  EXPECT_FALSE(ReadSnapshot(""));
  EXPECT_FALSE(ReadSnapshot("claimlint-pack-snapshot-0\n"));
  for (size_t cut : {size_t{30}, core.snapshot.size() / 2, core.snapshot.size() - 1}) {
    EXPECT_FALSE(ReadSnapshot(core.snapshot.substr(0, cut))) << cut;
  }
  std::string longer = std::string(core.snapshot) + "x";
  EXPECT_FALSE(ReadSnapshot(longer));

  PackSource garbled = core;
  std::string bytes = std::string(core.snapshot.substr(0, core.snapshot.size() / 2));
  garbled.snapshot = bytes;
  auto from_json = Load({EmbeddedLexicon(), garbled});
  auto from_snapshot = Load({EmbeddedLexicon(), core});
  ASSERT_TRUE(from_json.ok() && from_snapshot.ok());
  ASSERT_EQ(from_json.value()->rules().size(), from_snapshot.value()->rules().size());
  for (size_t r = 0; r < from_json.value()->rules().size(); ++r) {
    EXPECT_EQ(from_json.value()->rules()[r].id, from_snapshot.value()->rules()[r].id);
  }
}

// The built-in packs' word forms come from the table make_forms_table
// writes at build time: loading every embedded pack and building every near
// regex stems no word.
TEST(BuiltinForms, EveryWordTheEmbeddedPacksInflectIsInTheTable) {
  auto sources = ProfileSources(ProfileNames());
  ASSERT_TRUE(sources.ok());
  ASSERT_EQ(sources.value().size(), EmbeddedPacks().size());
  const size_t computed = ComputedFormsCount();
  auto pack = Load(sources.value());
  ASSERT_TRUE(pack.ok()) << pack.errors()[0].ToString();
  size_t words = 0;
  auto check = [&](const rules::Rule& rule, const std::vector<Pattern>& patterns) {
    for (const Pattern& pattern : patterns) {
      if (!pattern.near || !pattern.near->use_forms) continue;
      for (std::string_view entry : pattern.near->groups.All()) {
        std::vector<std::string> entry_words = EntryWordList(entry);
        if (entry_words.empty() || !IsAsciiWord(entry_words.back())) continue;
        ++words;
        EXPECT_TRUE(HasBuiltinForms(entry_words.back())) << rule.id << ": " << entry;
      }
      EXPECT_FALSE(pattern.re.regex().empty());
    }
  };
  for (const rules::Rule& rule : pack.value()->rules()) {
    check(rule, rule.patterns);
    check(rule, rule.unless);
    check(rule, rule.when);
  }
  EXPECT_GT(words, 1000u);
  EXPECT_EQ(ComputedFormsCount(), computed);
}

// The table is what would be computed, and a word outside it (a pack
// given at run time) is computed, once.
TEST(BuiltinForms, TheTableHoldsTheComputedForms) {
  std::vector<std::string_view> words = BuiltinFormsWords();
  ASSERT_GT(words.size(), 1000u);
  EXPECT_TRUE(std::is_sorted(words.begin(), words.end()));
  const size_t computed = ComputedFormsCount();
  for (std::string_view word : words) {
    EXPECT_TRUE(HasBuiltinForms(word));
    EXPECT_EQ(WordForms(word), ComputeWordForms(word)) << word;
  }
  EXPECT_EQ(ComputedFormsCount(), computed);

  EXPECT_FALSE(HasBuiltinForms("defenestrate"));
  EXPECT_EQ(WordForms("defenestrate"),
            (std::vector<std::string>{"defenestrate", "defenestrated", "defenestrates",
                                      "defenestrating"}));
  EXPECT_EQ(ComputedFormsCount(), computed + 1);
  EXPECT_EQ(WordForms("defenestrate"), ComputeWordForms("defenestrate"));
  EXPECT_EQ(ComputedFormsCount(), computed + 1);
}

// A pattern of a checked pack compiles only when first used, and then as
// an outside pack's would.
TEST(LazyRegex, CompilesOnFirstUseOnce) {
  int made = 0;
  LazyRegex re([&made] { ++made; return std::string("\\bcures? sciatica\\b"); }, RE2::Options());
  EXPECT_EQ(made, 0);
  EXPECT_TRUE(RE2::PartialMatch("it cures sciatica", *re));
  EXPECT_TRUE(re->ok());
  EXPECT_EQ(re.regex(), "\\bcures? sciatica\\b");
  EXPECT_EQ(made, 1);
}

TEST(Load, NearPatternErrorsNameTheField) {
  std::vector<std::string> errors = Errors(Pack(Rule(
      "t.a", "", "[{\"near\": [[\"lower\"]], \"within\": 3}, {\"near\": [[\"a\"], [\"b\"]], \"within\": 40}]")));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("rules[0].patterns[0].near: must be an array of at least two"),
            std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("rules[0].patterns[1].within"), std::string::npos) << errors[1];
}

TEST(Load, ContextActionsAreValidated) {
  std::vector<std::string> errors =
      Errors(Pack(Rule("t.a", ", \"context\": {\"hedged\": \"ignore\", \"negate\": \"skip\"}")));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("rules[0].context.negate: unknown field"), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("rules[0].context.hedged: must be one of"), std::string::npos) << errors[1];
}

TEST(Load, DisclaimerTriggersMustNameLoadedRules) {
  std::string disclaimer =
      "{\"pack\": {\"id\": \"t\", \"version\": \"1\"}, \"rules\": [], \"disclaimers\": [{"
      "\"id\": \"t.d\", \"severity\": \"warning\", \"message\": \"m\", \"rationale\": \"r\", "
      "\"suggestion\": \"s\", \"triggers\": {\"rules\": [\"t.nope\"]}, \"placement\": \"middle\", "
      "\"patterns\": [\"see a doctor\"], \"examples\": {\"flag\": [\"[[x]]\", \"[[z]]\"], \"pass\": [\"y\", \"w\"]}}]}";
  std::vector<std::string> errors = Errors(disclaimer);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("disclaimers[0].placement: must be anywhere, near-claim or end"),
            std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("no loaded rule has the id \"t.nope\""), std::string::npos) << errors[1];
}

TEST(Load, EveryRuleNeedsTwoFlagAndTwoPassExamples) {
  std::string one_each =
      "{\"id\": \"t.a\", \"category\": \"c\", \"severity\": \"info\", \"message\": \"m\", "
      "\"rationale\": \"r\", \"suggestion\": \"s\", \"patterns\": [\"x\"], "
      "\"examples\": {\"flag\": [\"[[x]]\"], \"pass\": [\"y\"]}}";
  std::vector<std::string> errors = Errors(Pack(one_each));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("rules[0].examples.flag: needs at least 2 sentences the rule must flag"),
            std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("rules[0].examples.pass: needs at least 2 near misses"),
            std::string::npos) << errors[1];
}

TEST(Load, ExampleMarkersAreCheckedForFlagAndPass) {
  std::string markers =
      "{\"id\": \"t.a\", \"category\": \"c\", \"severity\": \"info\", \"message\": \"m\", "
      "\"rationale\": \"r\", \"suggestion\": \"s\", \"patterns\": [\"x\"], "
      "\"examples\": {\"flag\": [\"[[x]] and [[x]]\", \"no marks\"], "
      "\"pass\": [\"y\", \"a [[y]]\"]}}";
  std::vector<std::string> errors = Errors(Pack(markers));
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_NE(errors[0].find("examples.flag[0]: mark the expected span with one [[ and ]] pair"),
            std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("examples.flag[1]"), std::string::npos) << errors[1];
  EXPECT_NE(errors[2].find("examples.pass[1]: a pass example has no [[ ]] markers"),
            std::string::npos) << errors[2];
}

TEST(Load, DisclaimerWhenIsAListOfPatterns) {
  std::string disclaimer =
      "{\"pack\": {\"id\": \"t\", \"version\": \"1\"}, \"rules\": [], \"disclaimers\": [{"
      "\"id\": \"t.d\", \"severity\": \"warning\", \"message\": \"m\", \"rationale\": \"r\", "
      "\"suggestion\": \"s\", \"triggers\": {\"categories\": [\"disease\"]}, \"when\": %s, "
      "\"patterns\": [\"see a doctor\"], \"examples\": {\"flag\": [\"[[x]]\", \"[[z]]\"], "
      "\"pass\": [\"y\", \"w\"]}}]}";
  auto with = [&](const std::string& when) {
    std::string text = disclaimer;
    text.replace(text.find("%s"), 2, when);
    return text;
  };
  auto pack = Load({{"p.json", with("[\"capsule\", {\"regex\": \"\\\\bcbd\\\\b\"}]")}});
  ASSERT_TRUE(pack.ok()) << pack.errors()[0].ToString();
  EXPECT_EQ(pack.value()->rules()[0].when.size(), 2u);
  std::vector<std::string> errors = Errors(with("[]"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("disclaimers[0].when: must be a non-empty array"), std::string::npos)
      << errors[0];
  errors = Errors(with("\"capsule\""));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("disclaimers[0].when"), std::string::npos) << errors[0];
}

TEST(Load, PackDescriptionAndReferencesAreTyped) {
  std::vector<std::string> errors = Errors(
      "{\"pack\": {\"id\": \"t\", \"version\": \"1\", \"description\": 3, "
      "\"references\": [\"ok\", 4]}, \"rules\": []}");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("pack.description: must be a string"), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("pack.references[1]: must be a string"), std::string::npos) << errors[1];
}

TEST(StripMarkers, RemovesTheMarkersAndKeepsTheSpan) {
  MarkedText marked = StripMarkers("Our oil [[cures sciatica]] fast.");
  EXPECT_EQ(marked.text, "Our oil cures sciatica fast.");
  EXPECT_EQ(marked.span, (Span{8, 22}));
  EXPECT_EQ(marked.text.substr(8, 14), "cures sciatica");
  EXPECT_EQ(StripMarkers("no marks").text, "no marks");
}

TEST(Profiles, LoadLexiconCoreAndTheNamedPacksInAFixedOrder) {
  auto sources = ProfileSources({"au", "us", "us"});
  ASSERT_TRUE(sources.ok());
  std::vector<std::string> names;
  for (const PackSource& source : sources.value()) names.push_back(source.name);
  EXPECT_EQ(names, (std::vector<std::string>{"<embedded:lexicon.json>", "<embedded:core.json>",
                                             "<embedded:us.json>", "<embedded:au.json>"}));
  auto unknown = ProfileSources({"fr"});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.errors()[0].ToString().find("unknown profile \"fr\""), std::string::npos);
  EXPECT_NE(unknown.errors()[0].ToString().find("[CL206]"), std::string::npos);
  auto core = ProfileSources({"core"});
  ASSERT_TRUE(core.ok());
  EXPECT_EQ(core.value().size(), 2u);
}

// The loader's half of the schema agreement check (tests/schema_check.py is
// the schema's half): the same files, the same verdicts.
std::vector<std::filesystem::path> PacksIn(const std::string& folder) {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(CLAIMLINT_SOURCE_DIR) / "tests/packs" / folder)) {
    paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

StatusOr<std::shared_ptr<const CompiledPack>> LoadFile(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return Load({EmbeddedLexicon(), {path.string(), text.str()}});
}

TEST(SchemaPacks, LoaderAcceptsWhatTheSchemaAccepts) {
  std::vector<std::filesystem::path> paths = PacksIn("valid");
  ASSERT_GE(paths.size(), 2u);
  for (const auto& path : paths) {
    auto pack = LoadFile(path);
    EXPECT_TRUE(pack.ok()) << path << ": " << pack.errors()[0].ToString();
  }
}

TEST(SchemaPacks, LoaderRejectsWhatTheSchemaRejects) {
  std::vector<std::filesystem::path> paths = PacksIn("invalid");
  ASSERT_GE(paths.size(), 40u);
  for (const auto& path : paths) {
    EXPECT_FALSE(LoadFile(path).ok()) << path << " was accepted";
  }
}

TEST(SchemaPacks, LoaderAlsoRejectsWhatNoSchemaCanSee) {
  std::vector<std::filesystem::path> paths = PacksIn("loader-only");
  ASSERT_GE(paths.size(), 5u);
  for (const auto& path : paths) {
    EXPECT_FALSE(LoadFile(path).ok()) << path << " was accepted";
  }
}

TEST(NearToRegex, MatchesTheTightestSpanAndTheLongestEntry) {
  NearPattern near;
  near.groups = StringLists::Build({{"lead to"}, {"asthma", "digestive problems"}});
  near.within = 3;
  RE2 re(std::string("(").append(NearToRegex(near)).append(")"));
  std::string span;
  ASSERT_TRUE(RE2::PartialMatch("it can lead to digestive problems and asthma", re, &span));
  EXPECT_EQ(span, "lead to digestive problems");
  near.groups = StringLists::Build({{"calm"}, {"inflammatory", "inflammatory response"}});
  RE2 longest(std::string("(").append(NearToRegex(near)).append(")"));
  ASSERT_TRUE(RE2::PartialMatch("cold plunges calm the inflammatory response", longest, &span));
  EXPECT_EQ(span, "calm the inflammatory response");
}

TEST(WordForms, APluralAlsoFindsItsSingular) {
  NearPattern near;
  near.groups = StringLists::Build({{"better than"}, {"sleeping pills", "remedies"}});
  near.within = 1;
  RE2 re(NearToRegex(near));
  ASSERT_TRUE(re.ok()) << re.error();
  EXPECT_TRUE(RE2::PartialMatch("better than any sleeping pill", re));
  EXPECT_TRUE(RE2::PartialMatch("better than a remedy", re));
  EXPECT_TRUE(RE2::PartialMatch("better than sleeping pills", re));
}

TEST(WordForms, AFinalConsonantDoublesOnlyWhereTheLastSyllableIsStressed) {
  auto has = [](std::string_view word, std::string_view form) {
    std::vector<std::string> forms = ComputeWordForms(word);
    return std::find(forms.begin(), forms.end(), form) != forms.end();
  };
  EXPECT_TRUE(has("stop", "stopped"));
  EXPECT_TRUE(has("slim", "slimming"));
  EXPECT_TRUE(has("reset", "resetting"));
  EXPECT_TRUE(has("control", "controlled"));
  EXPECT_TRUE(has("level", "levelled"));
  EXPECT_TRUE(has("lower", "lowered"));
  EXPECT_FALSE(has("lower", "lowerred"));
  EXPECT_FALSE(has("visit", "visitting"));
  EXPECT_FALSE(has("open", "openning"));
  EXPECT_FALSE(has("limit", "limitted"));
}

TEST(NearToRegex, EntriesWithNonWordEdgesStillMatch) {
  NearPattern near;
  near.groups = StringLists::Build({{"100%", "#1"}, {"safe", "choice"}});
  near.within = 0;
  RE2 re(NearToRegex(near));
  ASSERT_TRUE(re.ok()) << re.error();
  EXPECT_TRUE(RE2::PartialMatch("it is 100% safe", re));
  EXPECT_TRUE(RE2::PartialMatch("the #1 choice", re));
  EXPECT_FALSE(RE2::PartialMatch("it is 100% unsafe", re));
  EXPECT_FALSE(RE2::PartialMatch("it is 1100% safe", re));  // "100%" starts a word
}

TEST(NearToRegex, ExpandsWordFormsAndBothOrders) {
  NearPattern near;
  near.groups = StringLists::Build({{"lower"}, {"cortisol"}});
  near.within = 2;
  near.any_order = true;
  RE2 re(NearToRegex(near));
  ASSERT_TRUE(re.ok()) << re.error();
  for (const char* text : {"lowers cortisol", "lowering your cortisol", "cortisol is lowered",
                           "lowered the body's cortisol"}) {
    EXPECT_TRUE(RE2::PartialMatch(text, re)) << text;
  }
  for (const char* text : {"lowly cortisol", "lower the very high cortisol", "lower; cortisol",
                           "flower cortisol"}) {
    EXPECT_FALSE(RE2::PartialMatch(text, re)) << text;
  }
}

TEST(EntryWords, ALiteralRunOrEveryFormOfTheHeadWord) {
  // The literal word is enough; the head word's forms are not needed.
  EXPECT_EQ(EntryWords("lower cortisol", true), std::vector<std::string>{"lower"});
  EXPECT_EQ(EntryWords("Stress  Hormone", true), std::vector<std::string>{"stress"});
  // A content word before a function word, which nearly every block has;
  // a closed-class head word is literal.
  EXPECT_EQ(EntryWords("without the need for", true), std::vector<std::string>{"need"});
  EXPECT_EQ(EntryWords("without any", true), std::vector<std::string>{"without"});
  // Runs of a word with marks in it: the longest.
  EXPECT_EQ(EntryWords("re-alignment", true), std::vector<std::string>{"alignment"});
  EXPECT_EQ(EntryWords("100%", true), std::vector<std::string>{"100"});
  // One word with forms: any of them.
  std::vector<std::string> forms = EntryWords("lower", true);
  EXPECT_NE(std::find(forms.begin(), forms.end(), "lowering"), forms.end());
  EXPECT_NE(std::find(forms.begin(), forms.end(), "lower"), forms.end());
  EXPECT_EQ(EntryWords("lower", false), std::vector<std::string>{"lower"});
  // Nothing to look up: the entry is taken as present.
  EXPECT_TRUE(EntryWords("\xc3\xa9", true).empty());
}

TEST(Prefilter, ProposesANearPatternOnlyWhenEveryGroupHasAWord) {
  auto pack = Load({{"t.json", R"({"pack": {"id": "t", "version": "1"}, "rules": [
    {"id": "t.a", "category": "mechanism", "severity": "warning", "message": "m",
     "rationale": "r", "suggestion": "s",
     "patterns": [{"near": [["lower", "reduce"], ["cortisol"]], "within": 3},
                  {"regex": "\\bdetox\\b"}],
     "examples": {"flag": ["It [[lowers cortisol]].", "A [[detox]]."],
                  "pass": ["Cortisol.", "Calm."]}}]})"}});
  ASSERT_TRUE(pack.ok()) << pack.errors()[0].ToString();
  const Prefilter& prefilter = pack.value()->prefilter();
  EXPECT_EQ(prefilter.Candidates("massage lowering your cortisol"), (std::vector<int>{0}));
  EXPECT_EQ(prefilter.Candidates("cortisol, a hormone"), (std::vector<int>{}));
  EXPECT_EQ(prefilter.Candidates("reduced stress"), (std::vector<int>{}));
  EXPECT_EQ(prefilter.Candidates("a detox that reduces cortisol"), (std::vector<int>{0, 1}));
  // Whole runs only: "cortisolemia" is not "cortisol".
  EXPECT_EQ(prefilter.Candidates("lower cortisolemia"), (std::vector<int>{}));
  // A sentence of the block: the near pattern again from its own words.
  EXPECT_EQ(prefilter.Narrow("a detox.", {0, 1}), (std::vector<int>{1}));
  EXPECT_EQ(prefilter.Narrow("it reduces cortisol.", {0, 1}), (std::vector<int>{0, 1}));
}

// One list per part of a concatenation; alternatives in one list, down to
// one byte; nothing promised for whitespace or beyond ASCII.
TEST(RequiredLiterals, EveryMatchHasAStringOfEachList) {
  RE2::Options options;
  options.set_log_errors(false);
  using Lists = std::vector<std::vector<std::string>>;
  EXPECT_EQ(RequiredLiterals(R"(\b(?:lose|drop)\s+\d+ (?:kilos|pounds)\b)", options),
            (Lists{{" kilos", " pounds"},
                   {"drop", "lose"},
                   {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}}));
  EXPECT_EQ(RequiredLiterals(R"(#\s?1 (?:oil|cbd))", options), (Lists{{"1 cbd", "1 oil"}, {"#"}}));
  EXPECT_EQ(RequiredLiterals(R"(\b(?:science|research)-(?:backed|proven)\b)", options),
            (Lists{{"research-backed", "research-proven", "science-backed", "science-proven"}}));
  EXPECT_EQ(RequiredLiterals(R"((?i:FDA (?:approval|seal)))", options),
            (Lists{{"fda approval", "fda seal"}}));
  EXPECT_EQ(RequiredLiterals(R"(\bab\b)", options), Lists{{"ab"}});
  EXPECT_EQ(RequiredLiterals(R"(x+)", options), Lists{{"x"}});
  EXPECT_EQ(RequiredLiterals(R"(a\s+b)", options), (Lists{{"a"}, {"b"}}));
  EXPECT_EQ(RequiredLiterals(R"(caf\x{e9} (?:cure|remedy))", options), Lists{});
}

// TextLiterals answers as a scan of the text does, for a long text (with
// its filter), a sentence (with the smallest filter) and a short one
// (without): every string of it is found, and strings it lacks are not,
// also those whose three-byte parts it has.
TEST(TextLiterals, ContainsWhatTheTextContainsAndNothingElse) {
  std::string long_text;
  for (int i = 0; long_text.size() < 5000; ++i) {
    long_text += "massage " + std::to_string(i * 7919 % 1000) + " lowers cortisol; caf\xc3\xa9 ";
  }
  const std::string sentence =
      "a 2019 trial found that massage lowers cortisol in most clients, caf\xc3\xa9 owners too.";
  for (const std::string& text : {long_text, sentence, std::string("it lowers cortisol fast")}) {
    TextLiterals literals(text);
    for (size_t length : {1, 2, 3, 5, 12}) {
      for (size_t at = 0; at + length <= text.size(); at += 37) {
        EXPECT_TRUE(literals.Contains(std::string_view(text).substr(at, length)));
      }
    }
    for (std::string absent : {"cures", "sciatica", "xq", "cortisol  ", "ssage lowers", "zzz"}) {
      EXPECT_EQ(literals.Contains(absent), text.find(absent) != std::string::npos) << absent;
    }
  }
}

// A cue list cut to a text's literals (CueList::RegexFor) finds in that
// text exactly what the whole list finds, over every corpus article; a
// list without literals (a pack read at run time) is never cut.
TEST(CueList, ACutListFindsWhatTheWholeListFinds) {
  auto pack = Load({EmbeddedLexicon()});
  ASSERT_TRUE(pack.ok());
  auto all_matches = [](const RE2& re, std::string_view text) {
    std::vector<std::string_view> found;
    re2::StringPiece match;
    for (size_t at = 0;
         at <= text.size() && re.Match(text, at, text.size(), RE2::UNANCHORED, &match, 1);
         at = match.data() - text.data() + std::max<size_t>(match.size(), 1)) {
      found.emplace_back(match.data(), match.size());
    }
    return found;
  };
  size_t cut = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           std::filesystem::path(CLAIMLINT_SOURCE_DIR) / "corpus")) {
    if (!entry.is_regular_file()) continue;
    std::string folded = text::FoldString(testing_files::ReadFile(entry.path()));
    for (const CueList* list : CueLists(pack.value()->lexicon())) {
      SCOPED_TRACE(entry.path().string() + " " + list->regexes.front());
      std::string regex = list->RegexFor(TextLiterals(folded));
      if (regex == list->re.regex()) continue;
      ++cut;
      if (regex.empty()) {
        EXPECT_TRUE(all_matches(*list->re, folded).empty());
        continue;
      }
      RE2 cut_re(regex, list->re.options());
      ASSERT_TRUE(cut_re.ok());
      EXPECT_EQ(all_matches(cut_re, folded), all_matches(*list->re, folded));
    }
  }
  EXPECT_GT(cut, 100u);

  auto outside = Load({{"lexicon.json", std::string(EmbeddedLexicon().text())}});
  ASSERT_TRUE(outside.ok());
  const CueList& hedge = outside.value()->lexicon().hedge;
  EXPECT_TRUE(hedge.required_literals.empty());
  EXPECT_EQ(hedge.RegexFor(TextLiterals("nothing to hedge here")), hedge.re.regex());
}

// The embedded packs carry their patterns' required literals and entry
// words, so a run of few documents proposes candidates per document,
// without the Set or the whole word index, and proposes every pattern the
// pack's own prefilter proposes; a pack read at run time cannot.
TEST(Prefilter, ADocumentsPrefilterProposesWhatThePacksDoes) {
  auto sources = ProfileSources(ProfileNames());
  ASSERT_TRUE(sources.ok());
  auto pack = Load(sources.value());
  ASSERT_TRUE(pack.ok());
  const Prefilter& prefilter = pack.value()->prefilter();
  ASSERT_TRUE(prefilter.per_document_ok());
  int science_backed = -1;
  for (size_t i = 0; i < pack.value()->prefilter_refs().size(); ++i) {
    const PatternRef& ref = pack.value()->prefilter_refs()[i];
    const Pattern& pattern = pack.value()->rules()[ref.rule].patterns[ref.pattern];
    if (pattern.written.find("(?:science|research|clinically)-") != std::string::npos) {
      science_backed = static_cast<int>(i);
    }
  }
  ASSERT_GE(science_backed, 0);
  auto proposes = [&](const std::vector<int>& candidates) {
    return std::find(candidates.begin(), candidates.end(), science_backed) != candidates.end();
  };
  auto for_document = [&](std::string_view text) {
    return prefilter.ForDocument(text, TextRuns(text));
  };
  EXPECT_TRUE(proposes(for_document("our science-backed blend").candidates()));
  EXPECT_FALSE(proposes(for_document("backed by science").candidates()));
  DocumentPrefilter document =
      for_document("a science-backed oil. massage lowers cortisol. an oil.");
  EXPECT_TRUE(proposes(document.Narrow("a science-backed oil.", {science_backed})));
  EXPECT_FALSE(proposes(document.Narrow("an oil.", {science_backed})));
  for (std::string_view text : {"a science-backed oil.", "massage lowers cortisol.", "an oil."}) {
    std::vector<int> by_pack = prefilter.Candidates(text);
    std::vector<int> by_document = document.Narrow(text, document.candidates());
    EXPECT_FALSE(by_pack.empty() && text != "an oil.") << text;
    for (int candidate : by_pack) {
      EXPECT_NE(std::find(by_document.begin(), by_document.end(), candidate), by_document.end())
          << text << ": " << candidate;
    }
  }

  auto outside = Load({{"t.json", Pack(Rule("t.a"))}});
  ASSERT_TRUE(outside.ok());
  EXPECT_FALSE(outside.value()->prefilter().per_document_ok());
}

// A document's prefilter proposes a near pattern for a sentence only where
// an entry of each group is there whole: "less sore" needs "less" too, not
// only a form of "sore". It never drops a sentence the pattern matches;
// the pack's own Narrow (a batch) does not check whole entries.
TEST(Prefilter, ADocumentsPrefilterWantsAWholeEntryOfEachGroup) {
  auto pack = Load({{"p.json", Pack(Rule("t.a", "",
      R"([{"near": [["feel", "leave you feeling"], ["less sore", "looser"]], "within": 3}])"))}});
  ASSERT_TRUE(pack.ok()) << pack.errors()[0].ToString();
  const Prefilter& prefilter = pack.value()->prefilter();
  const Pattern& pattern = pack.value()->rules()[0].patterns[0];
  const std::string document_text =
      "you may feel a bit sore. you will feel less sore. it will leave you looser. "
      "it will leave you feeling looser. you feel sore, less so later.";
  DocumentPrefilter document = prefilter.ForDocument(document_text, TextRuns(document_text));
  ASSERT_EQ(document.candidates(), std::vector<int>{0});
  auto proposed = [](const std::vector<int>& kept) { return kept == std::vector<int>{0}; };
  for (std::string_view sentence :
       {"you may feel a bit sore.", "you will feel less sore.", "it will leave you looser.",
        "it will leave you feeling looser.", "you feel sore, less so later."}) {
    const bool matches = RE2::PartialMatch(sentence, *pattern.re);
    EXPECT_TRUE(proposed(document.Narrow(sentence, {0})) || !matches) << sentence;
    EXPECT_TRUE(proposed(prefilter.Narrow(sentence, {0})) || !matches) << sentence;
  }
  EXPECT_TRUE(proposed(document.Narrow("you will feel less sore.", {0})));
  EXPECT_FALSE(proposed(document.Narrow("you may feel a bit sore.", {0})));
  EXPECT_TRUE(proposed(prefilter.Narrow("you may feel a bit sore.", {0})));
  EXPECT_EQ(EntryRuns("less sore", true), std::vector<std::string>{"less"});
  EXPECT_EQ(EntryRuns("less sore", false), (std::vector<std::string>{"less", "sore"}));
  EXPECT_EQ(EntryRuns("leave you feeling", true), (std::vector<std::string>{"leave", "you"}));
  EXPECT_EQ(EntryRuns("re-alignment", false), (std::vector<std::string>{"alignment", "re"}));
}

// Every match, as RE2 finds them from each position of `text`.
std::vector<std::pair<size_t, size_t>> AllMatchesFromEveryPosition(const RE2& re,
                                                                   std::string_view text) {
  std::vector<std::pair<size_t, size_t>> found;
  for (size_t position = 0; position <= text.size(); ++position) {
    re2::StringPiece match;
    if (re.Match(text, position, text.size(), RE2::UNANCHORED, &match, 1)) {
      found.emplace_back(match.data() - text.data(), match.size());
    }
  }
  return found;
}

// A pruned regex finds what the whole one finds in the text it was pruned
// for, from every position, over alternatives that prefer a shorter match,
// optional last letters, nested and flagged groups, classes and escapes
// that hold a '|', quoted text, captures and empty alternatives; and it
// is smaller where the text lacks alternatives.
TEST(PruneAlternatives, KeepsEveryMatchOfTheTextAndDropsWhatItLacks) {
  const std::vector<std::string> regexes = {
      R"(\b(?:lose|loses|lost|drop|drops|shed)\s+(?:\d+|one|two|ten) ?(?:lbs?|kg|kilos?|st)\b)",
      R"((?:a|ab|abc)(?:c|bc)?)",
      R"(^(?:in|within|after) (?:just |only )?(?:\d+|a few) days?)",
      R"((?:x[|]y|\||\Qa|b\E|cd)+)",
      R"((?i)(?:ABC|def|Ghi)(?i:jk|lm))",
      R"((cures?|heals?)(?:\s+(?:it|them))?)",
      R"((?:|take off|takes off)(?:weight)?)",
      R"((?:fix(?:es)?|cure[sd]?|no{2}ne)\b)",
      R"((?P<word>heal|cure)|(?:fix|mend))",
      R"(\bcaf\x{e9}|(?:caf|t)\b)",
      R"((?:lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing))[^a-z]+(?:[a-z]+[^a-z]+){0,3}?(?:cortisol|stress))",
  };
  const std::vector<std::string> texts = {
      "we lost 5 kg and he shed ten st; lose one lb",
      "abc abcbc ab a c",
      "in 3 days or within a few days, after just 2 day",
      "x|y | a|b cd cdx|y",
      "def jk, abc lm; ghi jk",
      "it cures them and heals",
      "take off weight, takes off",
      "fixes it, cured, noone, fix",
      "heal it or mend it",
      "caf\u00e9 cafe t",
      "massage lowered the stress and reduced cortisol",
      "",
  };
  int pruned = 0, matches = 0;
  for (const std::string& regex : regexes) {
    RE2 whole(regex);
    ASSERT_TRUE(whole.ok()) << regex;
    for (const std::string& text : texts) {
      std::string cut = PruneAlternatives(regex, text);
      RE2 smaller(cut);
      ASSERT_TRUE(smaller.ok()) << regex << " -> " << cut;
      auto want = AllMatchesFromEveryPosition(whole, text);
      EXPECT_EQ(want, AllMatchesFromEveryPosition(smaller, text))
          << regex << " -> " << cut << " in \"" << text << "\"";
      EXPECT_EQ(whole.NumberOfCapturingGroups(), smaller.NumberOfCapturingGroups()) << cut;
      if (cut.size() < regex.size()) ++pruned;
      matches += static_cast<int>(want.size());
    }
  }
  EXPECT_GT(pruned, 60);
  EXPECT_GT(matches, 100);
  EXPECT_EQ(PruneAlternatives(R"(\b(?:lose|lost|drop) (?:\d+|ten) ?(?:lbs?|kg)\b)", "drop 5 lb"),
            R"(\b(?:drop) (?:\d+) ?(?:lbs?)\b)");
  // Nothing the text has: the group stays whole rather than empty.
  EXPECT_EQ(PruneAlternatives("(?:a|b)c", "xyz"), "(?:a|b)c");
  // A regex it cannot follow comes back whole.
  EXPECT_EQ(PruneAlternatives("(?:a|b", "a"), "(?:a|b");
}

TEST(NearToRegexFor, KeepsTheEntriesAndFormsTheTextHasAndMatchesTheSame) {
  NearPattern near{
      StringLists::Build({{"lower", "reduce", "get rid of"}, {"cortisol", "stress hormone"}}), 3,
      true};
  const std::string text = "cortisol, which massage keeps lowering";
  std::string cut = NearToRegexFor(near, TextRuns(text));
  EXPECT_LT(cut.size(), NearToRegex(near).size());
  EXPECT_EQ(cut.find("reduc"), std::string::npos);
  EXPECT_EQ(cut.find("hormone"), std::string::npos);
  // Only the forms the text has: "lowering", not "lowers" or "lowered".
  EXPECT_NE(cut.find("lowering"), std::string::npos);
  EXPECT_EQ(cut.find("lowered"), std::string::npos);
  EXPECT_EQ(cut.find("cortisols"), std::string::npos);
  RE2 whole(NearToRegex(near)), part(cut);
  re2::StringPiece whole_match, part_match;
  ASSERT_TRUE(whole.Match(text, 0, text.size(), RE2::UNANCHORED, &whole_match, 1));
  ASSERT_TRUE(part.Match(text, 0, text.size(), RE2::UNANCHORED, &part_match, 1));
  EXPECT_EQ(whole_match.data(), part_match.data());
  EXPECT_EQ(whole_match.size(), part_match.size());
  // A group with no entry left: the pattern cannot match in that text.
  EXPECT_EQ(NearToRegexFor(near, TextRuns("lower your heart rate")), "");
  // "stress" is there but no form of "hormone": that entry cannot match.
  EXPECT_EQ(NearToRegexFor(near, TextRuns("lower your stress levels")), "");
}

// TextRuns holds every run of its text, whatever its filter says first.
TEST(TextRuns, ContainsEveryRunOfTheTextAndNoOtherWord) {
  auto word = [](int i) { return std::string("w").append(std::to_string(i * 7919 % 100000)); };
  std::string text;
  for (int i = 0; i < 3000; ++i) text.append(word(i)).append(" ");
  text += "don't caf\xc3\xa9 x";
  TextRuns runs(text);  // views the text
  for (int i = 0; i < 3000; ++i) EXPECT_TRUE(runs.contains(word(i))) << word(i);
  for (const char* run : {"don", "t", "caf", "x"}) EXPECT_TRUE(runs.contains(run)) << run;
  for (const char* absent : {"w", "don't", "cafe", "w1000000", "xx", ""}) {
    EXPECT_FALSE(runs.contains(absent)) << absent;
  }
}

// A table built from entries gives back each entry's words, by entry and
// by runs of entries; a table viewing the built block gives the same; a
// block cut short or with an end before the one before it is refused.
TEST(StringLists, GiveBackTheirStringsAndRefuseABrokenBlock) {
  const std::vector<std::vector<std::string>> entries = {
      {"lower", "lowers", "lowered"}, {}, {"cortisol"}, {"caf\xc3\xa9", "stress"}};
  auto words_of = [](const StringLists& table, size_t first, size_t end) {
    std::vector<std::string> words, visited;
    for (std::string_view word : table.Of(first, end)) words.emplace_back(word);
    table.ForEachString(first, end, [&](std::string_view word) { visited.emplace_back(word); });
    EXPECT_EQ(words, visited);
    return words;
  };
  StringLists built = StringLists::Build(entries);
  std::optional<StringLists> viewed = StringLists::View(built.block());
  ASSERT_TRUE(viewed.has_value());
  for (const StringLists* table : {&built, &*viewed}) {
    ASSERT_EQ(table->lists(), entries.size());
    for (size_t e = 0; e < entries.size(); ++e) {
      EXPECT_EQ(words_of(*table, e, e + 1), entries[e]) << e;
      EXPECT_EQ(table->Of(e).empty(), entries[e].empty()) << e;
    }
    EXPECT_EQ(words_of(*table, 1, 4),
              (std::vector<std::string>{"cortisol", "caf\xc3\xa9", "stress"}));
  }
  const std::string block(built.block());
  EXPECT_FALSE(StringLists::View(block.substr(0, block.size() - 1)).has_value());
  EXPECT_FALSE(StringLists::View(block.substr(0, 12)).has_value());
  std::string unordered = block;
  unordered[8] = 9;  // the first entry's end beyond the second's
  EXPECT_FALSE(StringLists::View(unordered).has_value());
  EXPECT_EQ(StringLists::View("")->lists(), 0u);
}

TEST(GroupSpans, CountWordsAsTheGapDoes) {
  NearPattern near{StringLists::Build({{"lower", "get rid of"}, {"pain-free", "i've", "100%"}}), 3};
  EXPECT_EQ(GroupSpans(near), (std::vector<uint32_t>{3, 2}));
}

// A sentence keeps a near pattern as a candidate only when its groups'
// words stand within the pattern's reach; it keeps every one that matches,
// whatever stands in the gap (apostrophes, hyphens, non-ASCII words) and in
// either order where the pattern allows it.
TEST(Prefilter, KeepsANearPatternWhereItsWordsStandCloseEnough) {
  const std::string pack_json = Pack(Rule(
      "t.a", "",
      R"([{"near": [["lower", "get rid of"], ["cortisol levels", "stress"]], "within": 3},
          {"near": [["calm"], ["mind"]], "within": 1, "any_order": true},
          {"near": [["boosts"], ["immune"], ["system"]], "within": 2}])"));
  auto pack = Load({{"p.json", pack_json}});
  ASSERT_TRUE(pack.ok()) << pack.errors()[0].ToString();
  const Prefilter& prefilter = pack.value()->prefilter();
  const std::vector<Pattern>& patterns = pack.value()->rules()[0].patterns;
  const std::vector<std::string> texts = {
      "it lowers your cortisol levels",
      "lower x y z cortisol levels",
      "lower w x y z cortisol levels",
      "lower don't caf\xc3\xa9 \xc3\xbc" "ber cortisol levels",
      "lower pain-free x y cortisol levels",
      "get rid of a b c stress",
      "stress lower",
      "a calm mind",
      "mind is calm",
      "mind is very calm",
      "calm, clear and focused mind",
      "boosts the immune and nervous system",
      "boosts the whole body's immune system",
      "boosts immune x y z system",
  };
  int kept_total = 0, dropped_total = 0;
  for (const std::string& text : texts) {
    std::vector<int> kept = prefilter.Narrow(text, prefilter.Candidates(text));
    for (size_t p = 0; p < patterns.size(); ++p) {
      const bool matches = RE2::PartialMatch(text, *patterns[p].re);
      const bool proposed = std::find(kept.begin(), kept.end(), static_cast<int>(p)) != kept.end();
      if (matches) {
        EXPECT_TRUE(proposed) << text << " / pattern " << p;
      }
      kept_total += proposed;
      dropped_total += !proposed;
    }
  }
  // Far apart: not proposed. The reach counts the longest entry of each
  // group ("get rid of": 3 words), whichever entry the text has.
  auto proposes = [&](const std::string& text, int pattern) {
    std::vector<int> kept = prefilter.Narrow(text, prefilter.Candidates(text));
    return std::find(kept.begin(), kept.end(), pattern) != kept.end();
  };
  EXPECT_FALSE(proposes("lower s t u v w x y cortisol levels", 0));
  EXPECT_FALSE(proposes("stress, they say, is what we lower", 0));
  EXPECT_FALSE(proposes("calm down; a tidy desk is a tidy mind", 1));
  EXPECT_FALSE(proposes("boosts energy and supports the immune system", 2));
  EXPECT_GT(kept_total, 5);
  EXPECT_GT(dropped_total, 5);
}

}  // namespace
}  // namespace claimlint::rules
