// Internal to the analyze stage: what in a document counts as evidence.

#ifndef CLAIMLINT_ANALYZE_SUPPORT_H_
#define CLAIMLINT_ANALYZE_SUPPORT_H_

#include <optional>
#include <string>

#include "analyze/context.h"
#include "input/input.h"
#include "rules/rules.h"
#include "text/text.h"

namespace claimlint::analyze {

// Finds the evidence a claim's sentence (or the next one) carries: a
// citation ("(Smith et al., 2019)", a DOI, a PMID), a numbered marker
// ("[1]", "¹") when the document has a reference list, a link to an
// evidence source (doi.org, PubMed, Cochrane, a journal), or a named study
// ("a 2019 randomized trial in Spine"). One per document; not thread-safe.
class EvidenceFinder {
 public:
  EvidenceFinder(DocumentCues& cues, const input::Document& document,
                 const text::Folded& folded);

  // A short description of the evidence ("link https://doi.org/..."), or
  // empty when the sentences carry none.
  std::string Find(const text::Sentence& sentence, const text::Sentence* next);

 private:
  std::string FindIn(const text::Sentence& sentence);
  bool IsEvidenceUrl(std::string_view url) const;
  bool HasReferenceList();

  DocumentCues& cues_;
  const input::Document& document_;
  const text::Folded& folded_;
  std::optional<bool> has_reference_list_;
};

}  // namespace claimlint::analyze

#endif  // CLAIMLINT_ANALYZE_SUPPORT_H_
