// Claim analysis: word forms and proximity, negation, hedges, questions,
// quotes, headings, support, disclaimers and the severity model, each with
// flagged cases and near misses.

#include "analyze/analyze.h"

#include <gtest/gtest.h>

#include "scan/scan.h"

namespace claimlint {
namespace {

constexpr const char* kPack = R"({
  "pack": {"id": "t", "version": "1"},
  "rules": [
    {"id": "t.cure", "category": "disease", "severity": "error", "message": "cure",
     "rationale": "r", "suggestion": "s",
     "patterns": [{"near": [["cure", "heal"], ["sciatica", "cancer", "anxiety", "arthritis"]], "within": 2}],
     "context": {"hedged": "keep", "supported": "keep"},
     "examples": {"flag": ["It [[cures cancer]].", "Massage [[heals sciatica]]."],
                  "pass": ["It does not cure cancer.", "Treat yourself."]}},
    {"id": "t.cortisol", "category": "mechanism", "severity": "warning", "message": "cortisol",
     "rationale": "r", "suggestion": "s",
     "patterns": [{"near": [["lower", "reduce"], ["cortisol"]], "within": 3, "any_order": true}],
     "unless": ["lower back"],
     "examples": {"flag": ["It [[lowers cortisol]].", "It [[reduces cortisol]]."],
                  "pass": ["Cortisol is a hormone.", "It eases lower back pain."]}},
    {"id": "t.spine", "category": "mechanism", "severity": "warning", "message": "spine",
     "rationale": "r", "suggestion": "s",
     "patterns": [{"near": [["realign", "re-align"], ["spine", "spinal"]], "within": 2, "any_order": true}],
     "examples": {"flag": ["We [[realign the spine]].", "The [[spine is realigned]]."],
                  "pass": ["The spine has 33 vertebrae.", "We realign our goals."]}},
    {"id": "t.proven", "category": "establishment", "severity": "error", "message": "proven",
     "rationale": "r", "suggestion": "s", "patterns": ["clinically proven", "studies show"],
     "examples": {"flag": ["It is [[clinically proven]].", "[[Studies show]] it works."],
                  "pass": ["It is not clinically proven.", "We study hard."]}},
    {"id": "t.detox", "category": "detox", "severity": "warning", "message": "detox",
     "rationale": "r", "suggestion": "s",
     "patterns": [{"near": [["detoxify"], ["body", "blood"]], "within": 1}],
     "examples": {"flag": ["It will [[detoxify your body]].", "Saunas [[detoxify the blood]]."],
                  "pass": ["A digital detox.", "Your body is fine."]}},
    {"id": "t.safe", "category": "safety", "severity": "error", "message": "safe",
     "rationale": "r", "suggestion": "s", "patterns": ["100% safe"],
     "context": {"question": "skip", "heading": "info", "negated": "info"},
     "examples": {"flag": ["It is [[100% safe]].", "Our oil is [[100% safe]]."],
                  "pass": ["Safe parking.", "Nothing is 100% certain."]}}
  ],
  "disclaimers": [
    {"id": "t.disclaimer.doctor", "severity": "warning", "message": "see a doctor",
     "rationale": "r", "suggestion": "Talk to your doctor.",
     "triggers": {"categories": ["disease"]},
     "patterns": [{"regex": "\\b(?:talk to|consult) your doctor\\b"}],
     "examples": {"flag": ["It [[cures cancer]].", "Massage [[heals sciatica]]."],
                  "pass": ["It cures cancer. Talk to your doctor.", "Calm."]}},
    {"id": "t.disclaimer.fda", "severity": "error", "message": "fda statement",
     "rationale": "r", "suggestion": "These statements have not been evaluated...",
     "triggers": {"rules": ["t.cortisol"]}, "require": "all",
     "patterns": ["not been evaluated by the food and drug administration",
                  {"regex": "not intended to diagnose, treat, cure,? (?:and/)?or prevent any disease"}],
     "examples": {"flag": ["It [[lowers cortisol]].", "It [[reduces cortisol]]."], "pass": ["x", "y"]}},
    {"id": "t.disclaimer.risks", "severity": "warning", "message": "risks near claim",
     "rationale": "r", "suggestion": "Ask about risks.",
     "triggers": {"rules": ["t.safe"]}, "placement": "near-claim", "within": 1,
     "patterns": ["discuss any risks"],
     "examples": {"flag": ["It is [[100% safe]].", "A [[100% safe]] oil."], "pass": ["x", "y"]}}
  ]
})";

const rules::CompiledPack& Pack() {
  static auto pack = [] {
    auto loaded = rules::Load({rules::EmbeddedLexicon(), {"t.json", kPack}});
    if (!loaded.ok()) ADD_FAILURE() << loaded.errors()[0].ToString();
    return loaded.value();
  }();
  return *pack;
}

report::FileResult Scan(const std::string& text) {
  return scan::ScanSource({"a.txt", text}, input::Format::kText, Pack());
}

// "rule:text:severity" of every reported claim (missing disclaimers left out).
std::vector<std::string> Claims(const report::FileResult& result) {
  std::vector<std::string> out;
  for (const analyze::Finding& f : result.findings) {
    if (f.kind == "claim") {
      out.push_back(f.rule->id + ":" + f.text + ":" + std::string(SeverityName(f.severity)));
    }
  }
  return out;
}

std::vector<std::string> Spared(const report::FileResult& result) {
  std::vector<std::string> out;
  for (const analyze::Finding& f : result.spared) out.push_back(f.rule->id + ":" + f.text);
  return out;
}

TEST(WordForms, OnePatternCatchesInflectionsAndBothOrders) {
  report::FileResult result = Scan(
      "Massage lowers cortisol. It works by lowering your cortisol levels. Yoga can reduce "
      "cortisol. Your cortisol is lowered after a session. Adjustments realign the spine. We "
      "offer spinal realignment. Let us re-align your spine. It heals arthritis.");
  EXPECT_EQ(Claims(result),
            (std::vector<std::string>{
                "t.cortisol:lowers cortisol:warning", "t.cortisol:lowering your cortisol:warning",
                "t.cortisol:reduce cortisol:warning",  // "can" alone is no hedge
                "t.cortisol:cortisol is lowered:warning", "t.spine:realign the spine:warning",
                "t.spine:spinal realignment:warning", "t.spine:re-align your spine:warning",
                "t.cure:heals arthritis:error"}));
}

TEST(WordForms, NearMissesDoNotMatch) {
  report::FileResult result = Scan(
      "Cortisol is a hormone your body releases under stress. It eases lower back pain and "
      "cortisol spikes. The lower floor is quiet; cortisol research is on the upper floor of "
      "the library building here. Align your car with the bay and mind your spine.");
  EXPECT_TRUE(result.findings.empty()) << Claims(result)[0];
}

TEST(Negation, NegatedClaimsAreSparedAndRecorded) {
  report::FileResult result = Scan(
      "Massage is not clinically proven. There is no evidence that massage cures sciatica. "
      "Massage does not cure arthritis. We never claim to cure cancer. Myth: massage will "
      "detoxify your body. Studies show no benefit of cupping.");
  EXPECT_TRUE(Claims(result).empty()) << Claims(result)[0];
  EXPECT_EQ(Spared(result),
            (std::vector<std::string>{"t.proven:clinically proven", "t.cure:cures sciatica",
                                      "t.cure:cure arthritis", "t.cure:cure cancer",
                                      "t.detox:detoxify your body", "t.proven:Studies show"}));
  for (const analyze::Finding& f : result.spared) {
    EXPECT_TRUE(f.negated);
    EXPECT_NE(f.reasons.back().find("spared"), std::string::npos);
  }
}

TEST(Negation, NoEvidenceThatReachesEveryClaimInItsClause) {
  report::FileResult result = Scan(
      "There is no evidence that a weekly session of deep tissue massage cures sciatica, lowers "
      "cortisol or will detoxify your body, but it lowers cortisol for some.");
  EXPECT_EQ(Spared(result),
            (std::vector<std::string>{"t.cure:cures sciatica", "t.cortisol:lowers cortisol",
                                      "t.detox:detoxify your body"}));
  // "but" ends the clause: the last claim stands.
  EXPECT_EQ(Claims(result), (std::vector<std::string>{"t.cortisol:lowers cortisol:warning"}));
}

TEST(Negation, ANegationBetweenTheLinkedWordsNegatesTheLink) {
  report::FileResult result =
      Scan("Cortisol is not lowered by a sauna. Your cortisol is lowered by a walk.");
  EXPECT_EQ(Claims(result),
            (std::vector<std::string>{"t.cortisol:cortisol is lowered:warning"}));
  EXPECT_EQ(Spared(result), (std::vector<std::string>{"t.cortisol:Cortisol is not lowered"}));
}

TEST(Negation, ScopeEndsAndPseudoNegationsDoNotNegate) {
  report::FileResult result = Scan(
      "Massage is not a substitute for care, but it cures anxiety. It not only relieves pain, "
      "it cures sciatica. Don't wait - our oil cures cancer. No doubt it cures arthritis.");
  EXPECT_EQ(Claims(result), (std::vector<std::string>{
                                "t.cure:cures anxiety:error", "t.cure:cures sciatica:error",
                                "t.cure:cures cancer:error", "t.cure:cures arthritis:error"}));
}

TEST(Negation, RuleCanReportNegatedClaimsAtAnotherSeverity) {
  report::FileResult result = Scan("No treatment is 100% safe for everyone.");
  ASSERT_EQ(result.findings.size(), 1u);  // and, negated, it asks for no disclaimer
  EXPECT_EQ(Claims(result), (std::vector<std::string>{"t.safe:100% safe:info"}));
  EXPECT_TRUE(result.findings[0].negated);
}

TEST(Hedges, HedgedClaimsMoveAsTheRuleSays) {
  report::FileResult result = Scan(
      "Massage may help lower cortisol. Massage lowers cortisol, some clients report. A gentle "
      "massage is thought to reduce cortisol. This oil might cure cancer. Some clients report "
      "that it heals anxiety. A 100% safe oil that might help.");
  EXPECT_EQ(Claims(result),
            (std::vector<std::string>{
                "t.cortisol:lower cortisol:info", "t.cortisol:lowers cortisol:info",
                "t.cortisol:reduce cortisol:info", "t.cure:cure cancer:error",
                "t.cure:heals anxiety:error", "t.safe:100% safe:error"}));
  for (const analyze::Finding& f : result.findings) {
    if (f.kind == "claim" && f.rule->id != "t.safe") {
      EXPECT_TRUE(f.hedged) << f.text;
    }
  }
}

TEST(Context, QuestionsHeadingsAndQuotes) {
  report::FileResult result = Scan(
      "Can massage cure sciatica?\nIs it 100% safe?\nOur Oil Is 100% Safe\n"
      "Some websites claim that CBD \"cures cancer\", but there is no evidence for it.\n"
      "\"After two sessions it healed my arthritis!\" said Jane.\n");
  EXPECT_EQ(Claims(result), (std::vector<std::string>{"t.cure:cure sciatica:warning",
                                                      "t.safe:100% Safe:info",
                                                      "t.cure:healed my arthritis:error"}));
  EXPECT_EQ(Spared(result), (std::vector<std::string>{"t.safe:100% safe", "t.cure:cures cancer"}));
  for (const analyze::Finding& f : result.findings) {
    if (f.kind != "claim") continue;
    if (f.text == "100% Safe") {
      EXPECT_EQ(f.contexts, (std::vector<std::string>{"heading"}));
    }
    if (f.text == "healed my arthritis") {
      EXPECT_EQ(f.contexts, (std::vector<std::string>{"quoted"}));
    }
  }
}

TEST(Support, CitationsLinksAndNamedStudiesSupportAClaim) {
  report::FileResult result = Scan(
      "Studies show that massage lowers cortisol [1].\n"
      "Massage reduces cortisol (Field et al., 2005).\n"
      "Massage lowers cortisol. See https://doi.org/10.1080/00207450590956459 for the data.\n"
      "A 2019 randomized trial in Spine found that adjustments realign the spine.\n"
      "Clinically proven results.\n\nReferences\n1. Field T. Massage therapy research. 2016.\n");
  std::vector<std::string> supports;
  for (const analyze::Finding& f : result.findings) {
    if (f.kind == "claim") supports.push_back(f.rule->id + ":" + f.support);
  }
  EXPECT_EQ(supports,
            (std::vector<std::string>{
                "t.proven:citation [1]", "t.cortisol:citation [1]",
                "t.cortisol:citation (field et al., 2005)",
                "t.cortisol:link https://doi.org/10.1080/00207450590956459",
                "t.spine:named study: \"2019 randomized trial\"", "t.proven:"}));
  EXPECT_EQ(Claims(result).back(), "t.proven:Clinically proven:error");
  EXPECT_EQ(Claims(result).front(), "t.proven:Studies show:info");
}

TEST(Support, NumberedMarkerWithoutReferenceListIsNoSupport) {
  report::FileResult result = Scan("Studies show that massage works [1].\n");
  ASSERT_EQ(Claims(result), (std::vector<std::string>{"t.proven:Studies show:error"}));
  EXPECT_FALSE(result.findings[0].supported);
}

TEST(Support, RuleKeepsSupportedDiseaseClaimsAtItsSeverity) {
  report::FileResult result = Scan(
      "A 2019 randomized trial in Spine found it cures sciatica. Talk to your doctor first.");
  EXPECT_EQ(Claims(result), (std::vector<std::string>{"t.cure:cures sciatica:error"}));
  EXPECT_TRUE(result.findings[0].supported);
}

std::vector<std::string> Missing(const report::FileResult& result) {
  std::vector<std::string> out;
  for (const analyze::Finding& f : result.findings) {
    if (f.kind != "missing-disclaimer") continue;
    std::string line = f.rule->id + "@" + std::to_string(f.start.line) + " [";
    for (const analyze::Trigger& t : f.triggers) line += t.rule + ":" + t.text + ";";
    out.push_back(line + "]" + (f.message.find("incomplete") != std::string::npos ? " partial" : ""));
  }
  return out;
}

TEST(Disclaimers, OneFindingPerRequirementListingItsClaims) {
  report::FileResult result = Scan("Title\nIt cures cancer.\nIt also heals anxiety.\n");
  EXPECT_EQ(Missing(result), (std::vector<std::string>{
                                 "t.disclaimer.doctor@2 [t.cure:cures cancer;t.cure:heals anxiety;]"}));
}

TEST(Disclaimers, PresentDisclaimerSatisfiesButNeverExcusesTheClaim) {
  report::FileResult result =
      Scan("Title\nIt cures cancer.\n\nAlways talk to your doctor before trying it.\n");
  EXPECT_TRUE(Missing(result).empty());
  EXPECT_EQ(Claims(result), (std::vector<std::string>{"t.cure:cures cancer:error"}));
}

TEST(Disclaimers, NegatedClaimsDoNotTrigger) {
  report::FileResult result = Scan("There is no evidence that CBD cures cancer.\n");
  EXPECT_TRUE(result.findings.empty());
}

TEST(Disclaimers, AllPartsRequiredAndPartialIsReported) {
  std::string claim = "Our tea lowers cortisol.\n\n";
  std::string full =
      "These statements have not been evaluated by the Food and Drug Administration. This "
      "product is not intended to diagnose, treat, cure, or prevent any disease.\n";
  std::string half = "Not been evaluated by the Food and Drug Administration.\n";
  EXPECT_TRUE(Missing(Scan(claim + full)).empty());
  EXPECT_EQ(Missing(Scan(claim + half)),
            (std::vector<std::string>{"t.disclaimer.fda@1 [t.cortisol:lowers cortisol;] partial"}));
  EXPECT_EQ(Missing(Scan(claim)),
            (std::vector<std::string>{"t.disclaimer.fda@1 [t.cortisol:lowers cortisol;]"}));
}

TEST(Disclaimers, NearClaimPlacementChecksEachClaim) {
  std::string text =
      "It is 100% safe.\n\nWe discuss any risks with you.\n\nFiller one.\n\nFiller two.\n\n"
      "Again: 100% safe.\n";
  EXPECT_EQ(Missing(Scan(text)),
            (std::vector<std::string>{"t.disclaimer.risks@9 [t.safe:100% safe;]"}));
}

TEST(SeverityModel, EveryStepIsRecordedAsAReason) {
  report::FileResult result = Scan("Massage may help lower cortisol [1].\n\nReferences\n1. X.\n");
  ASSERT_EQ(result.findings.size(), 2u);  // the claim and the FDA statement it lacks
  const analyze::Finding& f = result.findings[0].kind == "claim" ? result.findings[0]
                                                                 : result.findings[1];
  EXPECT_EQ(f.reasons, (std::vector<std::string>{
                           "rule default: warning",
                           "hedged by \"may help\": warning -> info (rule action: downgrade)",
                           "supported by citation [1]: info -> info (rule action: info)"}));
  EXPECT_EQ(f.contexts, (std::vector<std::string>{"hedged", "supported"}));
}

}  // namespace
}  // namespace claimlint
