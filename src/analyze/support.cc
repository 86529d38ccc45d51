#include "analyze/support.h"

#include <re2/re2.h>

#include "analyze/context.h"

namespace claimlint::analyze {

namespace {

// Superscript digits: NFKC folds them to plain digits, so they are looked
// for in the prose.
const RE2& SuperscriptMarker() {
  static const RE2 re("[\\x{00B9}\\x{00B2}\\x{00B3}\\x{2070}\\x{2074}-\\x{2079}]+");
  return re;
}

const RE2& BareUrl() {
  static const RE2 re("(\\bhttps?://[^\\s<>\"]+)");
  return re;
}

std::string_view HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#:"));
  if (url.starts_with("www.")) url.remove_prefix(4);
  return url;
}

bool Intersects(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

}  // namespace

EvidenceFinder::EvidenceFinder(DocumentCues& cues, const input::Document& document,
                               const text::Folded& folded)
    : cues_(cues), document_(document), folded_(folded) {}

std::string EvidenceFinder::Find(const text::Sentence& sentence, const text::Sentence* next) {
  std::string found = FindIn(sentence);
  if (found.empty() && next != nullptr) found = FindIn(*next);
  return found;
}

bool EvidenceFinder::IsEvidenceUrl(std::string_view url) const {
  std::string host(HostOf(url));
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const std::string& domain : cues_.lexicon().evidence_domains) {
    if (host == domain || (host.size() > domain.size() && host.ends_with("." + domain))) {
      return true;
    }
  }
  return false;
}

std::string EvidenceFinder::FindIn(const text::Sentence& sentence) {
  std::string_view folded = Slice(folded_.text, sentence.folded);
  for (const input::Link& link : document_.links) {
    if (!Intersects(link.prose, sentence.prose) && !sentence.prose.Contains(link.prose)) continue;
    if (IsEvidenceUrl(link.href)) return "link " + link.href;
    if (link.href.starts_with("#") && HasReferenceList()) return "citation link " + link.href;
  }
  re2::StringPiece rest(folded.data(), folded.size());
  re2::StringPiece match;
  while (RE2::FindAndConsume(&rest, BareUrl(), &match)) {
    std::string_view candidate(match.data(), match.size());
    while (!candidate.empty() && (candidate.back() == '.' || candidate.back() == ',' ||
                                  candidate.back() == ')')) {
      candidate.remove_suffix(1);
    }
    if (IsEvidenceUrl(candidate)) return "link " + std::string(candidate);
  }
  std::string citation = cues_.FirstMatch(cues_.lexicon().citation, folded);
  if (!citation.empty() && (citation[0] != '[' || HasReferenceList())) {
    return "citation " + citation;
  }
  re2::StringPiece marker;
  std::string_view prose = Slice(document_.prose, sentence.prose);
  if (RE2::PartialMatch(prose, SuperscriptMarker(), &marker) && HasReferenceList()) {
    return "citation marker " + std::string(marker);
  }
  std::string study = cues_.FirstMatch(cues_.lexicon().named_study, folded);
  if (!study.empty()) return "named study: \"" + study + "\"";
  return "";
}

bool EvidenceFinder::HasReferenceList() {
  if (has_reference_list_) return *has_reference_list_;
  has_reference_list_ = false;
  std::string_view prose = document_.prose;
  // A line of its own that reads like "References" or "Sources:".
  for (size_t begin = 0; begin < prose.size();) {
    size_t end = FindLineBreak(prose, begin);
    if (end == std::string_view::npos) end = prose.size();
    std::string_view line = prose.substr(begin, end - begin);
    if (line.size() <= 48) {
      std::string folded = text::FoldString(line);
      while (!folded.empty() && folded.back() == ' ') folded.pop_back();
      while (!folded.empty() && folded.front() == ' ') folded.erase(0, 1);
      // A line folded alone is no part of the folded document: the whole list.
      if (!folded.empty() &&
          !FirstMatch(cues_.Whole(cues_.lexicon().reference_heading), folded).empty()) {
        has_reference_list_ = true;
        break;
      }
    }
    begin = end + 1;
  }
  return *has_reference_list_;
}

}  // namespace claimlint::analyze
