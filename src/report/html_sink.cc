#include <algorithm>
#include <array>
#include <set>
#include <sstream>
#include <unordered_map>

#include "report/html_assets.h"
#include "report/report.h"
#include "report/util.h"

namespace claimlint::report {

namespace {

using internal::EscapeMarkup;

// Larger documents are not shown in full: their findings are listed with
// their sentences instead, so one huge page cannot make the report unusable.
constexpr uint64_t kMaxInlineText = 1 << 20;
// Caps on the summary's lists; counts stay exact.
constexpr size_t kTopPages = 10;
constexpr size_t kMaxListed = 200;
constexpr size_t kMaxCleanListed = 5000;

constexpr std::array<Severity, 3> kSeverities = {Severity::kError, Severity::kWarning,
                                                 Severity::kInfo};

std::string Attr(std::string_view text) { return EscapeMarkup(text, true); }
std::string Html(std::string_view text) { return EscapeMarkup(text, false); }

std::string HexToBase64(std::string_view hex) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  auto nibble = [](char c) -> unsigned {
    return c <= '9' ? static_cast<unsigned>(c - '0') : static_cast<unsigned>(c - 'a' + 10);
  };
  std::string bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes += static_cast<char>(nibble(hex[i]) << 4 | nibble(hex[i + 1]));
  }
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    unsigned chunk = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) chunk |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) chunk |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[chunk >> 18 & 63];
    out += kAlphabet[chunk >> 12 & 63];
    out += i + 1 < bytes.size() ? kAlphabet[chunk >> 6 & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[chunk & 63] : '=';
  }
  return out;
}

std::string SeverityCounts(const std::array<uint64_t, 3>& counts) {
  std::string out;
  const char* names[3][2] = {{"error", "errors"}, {"warning", "warnings"}, {"info", "info"}};
  for (size_t i = 0; i < 3; ++i) {
    if (counts[i] == 0) continue;
    out += "<span class=\"badge sev-" + std::string(names[i][0]) + "\">" +
           internal::Plural(counts[i], names[i][0], names[i][1]) + "</span>";
  }
  return out;
}

size_t SeverityIndex(Severity severity) {
  switch (severity) {
    case Severity::kError: return 0;
    case Severity::kWarning: return 1;
    case Severity::kInfo: return 2;
  }
  return 0;
}

// A piece of highlighted text: the byte range and the findings (indexes
// into the file's findings) that cover all of it.
struct Segment {
  uint32_t begin;
  uint32_t end;
  std::vector<uint32_t> findings;
};

// Cuts the highlighted spans into segments where the set of covering
// findings is constant, so overlapping findings need no nested markup.
// Spans snap outward to whole UTF-8 characters.
std::vector<Segment> Segments(std::string_view source,
                              const std::vector<analyze::Finding>& findings) {
  struct Edge {
    uint32_t offset;
    bool opens;
    uint32_t finding;
  };
  std::vector<Edge> edges;
  for (uint32_t i = 0; i < findings.size(); ++i) {
    const analyze::Finding& finding = findings[i];
    if (internal::IsDocumentLevel(finding) || finding.source.end > source.size()) continue;
    uint32_t begin = finding.source.begin, end = finding.source.end;
    while (begin > 0 && (static_cast<unsigned char>(source[begin]) & 0xC0) == 0x80) --begin;
    while (end < source.size() && (static_cast<unsigned char>(source[end]) & 0xC0) == 0x80) ++end;
    edges.push_back({begin, true, i});
    edges.push_back({end, false, i});
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) {
    return a.offset != b.offset ? a.offset < b.offset : a.finding < b.finding;
  });
  std::vector<Segment> segments;
  std::vector<uint32_t> active;
  for (size_t i = 0; i < edges.size();) {
    uint32_t at = edges[i].offset;
    for (; i < edges.size() && edges[i].offset == at; ++i) {
      if (edges[i].opens) {
        active.insert(std::upper_bound(active.begin(), active.end(), edges[i].finding),
                      edges[i].finding);
      } else {
        active.erase(std::find(active.begin(), active.end(), edges[i].finding));
      }
    }
    if (!active.empty() && i < edges.size()) segments.push_back({at, edges[i].offset, active});
  }
  return segments;
}

class HtmlSink : public Sink {
 public:
  explicit HtmlSink(std::ostream& out) : out_(out) {}

  bool NeedsSource() const override { return true; }

  void Begin(const RunInfo& run) override {
    run_ = run;
    for (const rules::Rule* rule : run.rules) RuleIndex(rule);
  }

  void File(const FileResult& reported) override {
    // Claims the context spared are shown too, in place and marked spared.
    const FileResult* with_spared = &reported;
    FileResult merged;
    if (!reported.spared.empty()) {
      merged = reported;
      merged.findings.insert(merged.findings.end(), reported.spared.begin(),
                             reported.spared.end());
      std::stable_sort(merged.findings.begin(), merged.findings.end(),
                       [](const analyze::Finding& a, const analyze::Finding& b) {
                         if (a.source.begin != b.source.begin) {
                           return a.source.begin < b.source.begin;
                         }
                         return a.rule->id < b.rule->id;
                       });
      merged.spared.clear();
      with_spared = &merged;
    }
    const FileResult& file = *with_spared;
    const uint64_t doc = files_++;
    for (const Diagnostic& diagnostic : file.diagnostics) {
      if (diagnostic.is_error && unreadable_rows_ < kMaxListed) {
        ++unreadable_rows_;
        unreadable_ += "<tr><td>" + Html(file.path) + "</td><td>" + Html(diagnostic.code) +
                       "</td><td>" + Html(diagnostic.message) + "</td></tr>\n";
      }
    }
    if (file.unreadable) {
      ++unreadable_count_;
      return;
    }
    if (file.findings.empty()) {
      if (clean_count_++ < kMaxCleanListed) {
        clean_ += "<li>" + Html(file.path);
        for (const Diagnostic& diagnostic : file.diagnostics) {
          clean_ += " <span class=\"problem\">" + Html(diagnostic.ToString()) + "</span>";
        }
        clean_ += "</li>\n";
      }
      return;
    }
    ++docs_with_findings_;
    spool_.Write(Document(doc, file));
  }

  void End(const Summary& summary) override {
    out_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         // Nothing may load from anywhere, and only the report's own script
         // runs: even a slip in escaping could not run an article's script.
         << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         << "script-src 'sha256-" << HexToBase64(internal::kReportJsSha256Hex)
         << "'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
         << "form-action 'none'\">\n"
         << "<meta name=\"referrer\" content=\"no-referrer\">\n"
         << "<meta name=\"generator\" content=\"claimlint " << Attr(run_.tool_version) << "\">\n"
         << "<title>claimlint report: " << internal::Plural(summary.findings, "finding", "findings")
         << " in " << internal::Plural(summary.files, "file", "files") << "</title>\n"
         << "<style>" << internal::kReportCss << "</style>\n</head>\n<body>\n";
    out_ << "<header class=\"top\">\n<h1>claimlint report</h1>\n<p class=\"meta\">claimlint "
         << Html(run_.tool_version) << " · rule packs:";
    for (const rules::PackInfo& pack : run_.packs) {
      out_ << " " << Html(pack.id) << " " << Html(pack.version);
    }
    out_ << " · fails on: "
         << (run_.fail_on ? std::string(SeverityName(*run_.fail_on)) + " and above" : "nothing")
         << "</p>\n<nav class=\"jump\"><a href=\"#summary\">Summary</a> <a href=\"#documents\">"
         << "Documents</a>";
    if (clean_count_ > 0) out_ << " <a href=\"#clean\">Without findings</a>";
    out_ << "</nav>\n</header>\n<main>\n";
    WriteSummary(summary);
    WriteFilters();
    out_ << "<section id=\"documents\" aria-labelledby=\"documents-h\">\n"
         << "<h2 id=\"documents-h\">Documents with findings (" << docs_with_findings_ << ")</h2>\n"
         << "<p id=\"filter-status\" class=\"status\" aria-live=\"polite\" data-total=\""
         << summary.findings << "\" data-shown=\"" << summary.findings << "\">"
         << internal::Plural(summary.findings, "finding", "findings") << " in "
         << internal::Plural(docs_with_findings_, "document", "documents") << ".</p>\n";
    if (docs_with_findings_ == 0) out_ << "<p class=\"empty\">No findings.</p>\n";
    spool_.CopyTo(out_);
    out_ << "</section>\n";
    if (clean_count_ > 0) {
      out_ << "<section id=\"clean\" aria-labelledby=\"clean-h\">\n<h2 id=\"clean-h\">"
           << "Files without findings (" << clean_count_ << ")</h2>\n<details><summary>Show the "
           << internal::Plural(clean_count_, "file", "files") << "</summary>\n<ul class=\"clean\">\n"
           << clean_;
      if (clean_count_ > kMaxCleanListed) {
        out_ << "<li>… and " << clean_count_ - kMaxCleanListed << " more</li>\n";
      }
      out_ << "</ul>\n</details>\n</section>\n";
    }
    out_ << "</main>\n<div id=\"popover\" class=\"popover\" role=\"dialog\" aria-modal=\"false\" "
         << "aria-label=\"Finding details\" hidden></div>\n"
         << "<footer class=\"foot\">Written by claimlint " << Html(run_.tool_version)
         << ". This page is self-contained: it loads nothing and sends nothing.</footer>\n"
         << "<script>" << internal::kReportJs << "</script>\n</body>\n</html>\n";
  }

 private:
  struct RuleStats {
    uint64_t findings = 0;
    uint64_t pages = 0;
    uint64_t spared = 0;
  };

  uint32_t RuleIndex(const rules::Rule* rule) {
    auto [it, added] = rule_index_.try_emplace(rule, static_cast<uint32_t>(rule_order_.size()));
    if (added) rule_order_.push_back(rule);
    return it->second;
  }

  // One document's section: header, notices, the text with highlights and
  // the numbered list of findings. Counts for the summary are taken here.
  std::string Document(uint64_t doc, const FileResult& file) {
    const std::string id = "d" + std::to_string(doc);
    std::array<uint64_t, 3> counts{};
    std::set<const rules::Rule*> rules_here;
    bool missing_disclaimer = false;
    for (const analyze::Finding& finding : file.findings) {
      const size_t severity = SeverityIndex(finding.severity);
      ++counts[severity];
      ++by_category_[finding.rule->category][severity];
      RuleStats& stats = rule_stats_[RuleIndex(finding.rule)];
      ++stats.findings;
      if (rules_here.insert(finding.rule).second) ++stats.pages;
      if (!internal::SparedReason(finding).empty()) ++stats.spared, ++spared_;
      if (finding.kind == "missing-disclaimer") missing_disclaimer = true;
    }
    top_.Add(std::to_string(doc) + "\n" + file.path, file.findings.size());
    if (missing_disclaimer) AddMissingDisclaimers(id, file);

    std::ostringstream out;
    out << "<section class=\"doc\" id=\"" << id << "\" data-path=\"" << Attr(file.path) << "\">\n"
        << "<details class=\"doc-body\" open>\n<summary><h3 class=\"path\">" << Html(file.path)
        << "</h3> <span class=\"counts\">" << SeverityCounts(counts)
        << "</span> <span class=\"shown\" hidden></span></summary>\n";
    // Document-level findings (missing disclaimers) and file warnings first.
    std::string notices;
    for (uint32_t i = 0; i < file.findings.size(); ++i) {
      if (internal::IsDocumentLevel(file.findings[i])) notices += FindingItem(id, i, file, {}, true);
    }
    for (const Diagnostic& diagnostic : file.diagnostics) {
      notices += "<div class=\"problem\">" + Html(diagnostic.ToString()) + "</div>\n";
    }
    if (!notices.empty()) out << "<div class=\"notices\">\n" << notices << "</div>\n";

    const bool inline_text = file.has_source && file.source.size() <= kMaxInlineText;
    std::vector<uint32_t> first_segment(file.findings.size(), UINT32_MAX);
    if (inline_text) {
      std::vector<Segment> segments = Segments(file.source, file.findings);
      out << "<div class=\"text\" lang=\"\">";
      uint32_t at = 0;
      for (uint32_t s = 0; s < segments.size(); ++s) {
        const Segment& segment = segments[s];
        out << Html(std::string_view(file.source).substr(at, segment.begin - at));
        Severity worst = Severity::kInfo;
        bool all_spared = true;
        std::string data_f, numbers, title;
        for (uint32_t f : segment.findings) {
          const analyze::Finding& finding = file.findings[f];
          if (first_segment[f] == UINT32_MAX) first_segment[f] = s;
          worst = std::max(worst, finding.severity);
          std::string spared = internal::SparedReason(finding);
          all_spared = all_spared && !spared.empty();
          if (!data_f.empty()) data_f += ' ', numbers += ',', title += '\n';
          data_f += std::to_string(f);
          numbers += std::to_string(f + 1);
          title += std::string(SeverityName(finding.severity)) + ": " + finding.message + " [" +
                   finding.rule->id + "]" + (spared.empty() ? "" : " (spared: " + spared + ")");
        }
        out << "<mark id=\"" << id << "-s" << s << "\" class=\"hl sev-" << SeverityName(worst)
            << (all_spared ? " spared" : "") << (segment.findings.size() > 1 ? " overlap" : "")
            << "\" data-f=\"" << data_f << "\" data-n=\"" << numbers
            << "\" tabindex=\"0\" role=\"button\" title=\"" << Attr(title) << "\">"
            << Html(std::string_view(file.source).substr(segment.begin, segment.end - segment.begin))
            << "</mark>";
        at = segment.end;
      }
      out << Html(std::string_view(file.source).substr(at)) << "</div>\n";
    } else {
      out << "<p class=\"note\">The text is not shown ("
          << (file.has_source ? "over " + std::to_string(kMaxInlineText >> 20) + " MiB"
                              : "not available")
          << "); each finding is listed with its sentence.</p>\n";
    }
    out << "<ol class=\"findings\">\n";
    for (uint32_t i = 0; i < file.findings.size(); ++i) {
      if (internal::IsDocumentLevel(file.findings[i])) continue;
      std::optional<std::string> anchor;
      if (first_segment[i] != UINT32_MAX) anchor = id + "-s" + std::to_string(first_segment[i]);
      out << FindingItem(id, i, file, anchor, !inline_text);
    }
    out << "</ol>\n</details>\n</section>\n";
    return out.str();
  }

  // A finding as a list item (or, document-level, as a notice). The data-*
  // attributes are what the filters read.
  std::string FindingItem(const std::string& doc_id, uint32_t index, const FileResult& file,
                          const std::optional<std::string>& anchor, bool with_sentence) {
    const analyze::Finding& finding = file.findings[index];
    const bool notice = internal::IsDocumentLevel(finding);
    const std::string spared = internal::SparedReason(finding);
    const std::string severity(SeverityName(finding.severity));
    std::string out = notice ? "<div" : "<li";
    out += " class=\"finding sev-" + severity + (notice ? " notice" : "") +
           (spared.empty() ? "" : " spared") + "\" id=\"" + doc_id + "-f" +
           std::to_string(index) + "\"" +
           (notice ? "" : " value=\"" + std::to_string(index + 1) + "\"") + " data-f=\"" +
           std::to_string(index) + "\" data-sev=\"" + severity + "\" data-cat=\"" +
           Attr(finding.rule->category) + "\" data-rule=\"" + Attr(finding.rule->id) +
           "\" data-kind=\"" + Attr(finding.kind) + "\" data-spared=\"" + spared +
           "\" data-rule-ref=\"r" + std::to_string(RuleIndex(finding.rule)) + "\">";
    out += "<span class=\"where\">";
    if (anchor) {
      out += "<a class=\"loc\" href=\"#" + *anchor + "\">";
    } else {
      out += "<span class=\"loc\">";
    }
    out += std::to_string(finding.start.line) + ":" + std::to_string(finding.start.column);
    out += anchor ? "</a>" : "</span>";
    out += " <span class=\"sev\">" + severity + "</span>";
    if (finding.kind != "claim") out += " <span class=\"kind\">" + Html(finding.kind) + "</span>";
    if (!spared.empty()) out += " <span class=\"spared-tag\">spared: " + spared + "</span>";
    out += "</span> <span class=\"msg\">" + Html(finding.message) + "</span>";
    if (!finding.text.empty() && !notice) {
      out += " <q class=\"flagged\">" + Html(finding.text) + "</q>";
    }
    out += " <a class=\"rule\" href=\"#r" + std::to_string(RuleIndex(finding.rule)) + "\">" +
           Html(finding.rule->id) + "</a>";
    if (notice && !finding.rule->suggestion.empty()) {
      out += "<p class=\"suggestion\">" + Html(finding.rule->suggestion) + "</p>";
    }
    if (with_sentence && !finding.sentence.empty() && !notice) {
      out += "<p class=\"sentence\">" + Html(finding.sentence) + "</p>";
    }
    out += notice ? "</div>\n" : "</li>\n";
    return out;
  }

  void AddMissingDisclaimers(const std::string& doc_id, const FileResult& file) {
    for (const analyze::Finding& finding : file.findings) {
      if (finding.kind != "missing-disclaimer") continue;
      ++missing_by_rule_[finding.rule->id];
      if (missing_rows_ >= kMaxListed) continue;
      ++missing_rows_;
      missing_ += "<tr><td><a href=\"#" + doc_id + "\">" + Html(file.path) + "</a></td><td>" +
                  Html(finding.message) + "</td><td><a href=\"#r" +
                  std::to_string(RuleIndex(finding.rule)) + "\">" + Html(finding.rule->id) +
                  "</a></td></tr>\n";
    }
    ++missing_pages_;
  }

  void WriteSummary(const Summary& summary) {
    out_ << "<section id=\"summary\" aria-labelledby=\"summary-h\">\n"
         << "<h2 id=\"summary-h\">Summary</h2>\n<dl class=\"tiles\">\n";
    auto tile = [&](const std::string& cls, const std::string& label, uint64_t value) {
      out_ << "<div class=\"tile " << cls << "\"><dt>" << label << "</dt><dd>" << value
           << "</dd></div>\n";
    };
    tile("", "Files scanned", summary.files);
    tile("", "With findings", summary.files_with_findings);
    tile("", "Findings", summary.findings);
    tile("sev-error", "Errors", internal::CountOf(summary.by_severity, "error"));
    tile("sev-warning", "Warnings", internal::CountOf(summary.by_severity, "warning"));
    tile("sev-info", "Info", internal::CountOf(summary.by_severity, "info"));
    tile("spared", "Spared claims", spared_);
    tile("missing", "Pages missing a disclaimer", missing_pages_);
    tile("unreadable", "Could not be read", summary.unreadable);
    out_ << "</dl>\n<div class=\"panels\">\n";
    WriteChart();
    WriteRules();
    WriteTopPages();
    if (missing_pages_ > 0) {
      out_ << "<div class=\"panel\" id=\"missing\"><h3>Missing disclaimers</h3>\n<p>";
      const char* separator = "";
      for (const auto& [rule, count] : missing_by_rule_) {
        out_ << separator << Html(rule) << ": " << internal::Plural(count, "page", "pages");
        separator = "; ";
      }
      out_ << "</p>\n<div class=\"scroll\"><table><thead><tr><th>Page</th><th>Missing</th>"
           << "<th>Rule</th></tr></thead><tbody>\n"
           << missing_ << "</tbody></table></div>\n";
      if (missing_pages_ > missing_rows_) {
        out_ << "<p class=\"note\">The first " << missing_rows_ << " are listed.</p>\n";
      }
      out_ << "</div>\n";
    }
    if (unreadable_rows_ > 0) {
      out_ << "<div class=\"panel\" id=\"unreadable\"><h3>Files that could not be read</h3>\n"
           << "<div class=\"scroll\"><table><thead><tr><th>File</th><th>Code</th><th>Problem</th>"
           << "</tr></thead><tbody>\n"
           << unreadable_ << "</tbody></table></div>\n";
      if (summary.unreadable > unreadable_rows_) {
        out_ << "<p class=\"note\">The first " << unreadable_rows_ << " are listed.</p>\n";
      }
      out_ << "</div>\n";
    }
    out_ << "</div>\n</section>\n";
  }

  // A horizontal bar per category, split by severity; numbers are printed
  // beside the bars so the chart reads without colour.
  void WriteChart() {
    out_ << "<div class=\"panel wide\" id=\"by-category\"><h3>Findings by category</h3>\n";
    if (by_category_.empty()) {
      out_ << "<p class=\"empty\">No findings.</p></div>\n";
      return;
    }
    std::vector<std::pair<std::string, std::array<uint64_t, 3>>> rows(by_category_.begin(),
                                                                       by_category_.end());
    auto total = [](const std::array<uint64_t, 3>& c) { return c[0] + c[1] + c[2]; };
    std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
      return total(a.second) > total(b.second);
    });
    const uint64_t most = total(rows.front().second);
    const int label = 120, bar = 270, row = 26;
    const int height = static_cast<int>(rows.size()) * row + 8;
    out_ << "<svg class=\"chart\" viewBox=\"0 0 " << label + bar + 50 << " " << height
         << "\" width=\"100%\" role=\"img\" aria-labelledby=\"chart-title\">\n"
         << "<title id=\"chart-title\">Findings by category, split by severity</title>\n";
    for (size_t r = 0; r < rows.size(); ++r) {
      const auto& [category, counts] = rows[r];
      const int y = static_cast<int>(r) * row + 4;
      out_ << "<g class=\"row\" data-cat=\"" << Attr(category) << "\"><text class=\"label\" x=\""
           << label - 8 << "\" y=\"" << y + 16 << "\" text-anchor=\"end\">" << Html(category)
           << "</text>";
      double x = label;
      for (size_t s = 0; s < 3; ++s) {
        if (counts[s] == 0) continue;
        double width = static_cast<double>(bar) * static_cast<double>(counts[s]) /
                       static_cast<double>(most);
        char buffer[160];
        std::snprintf(buffer, sizeof buffer,
                      "<rect class=\"bar sev-%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
                      "height=\"18\"><title>%llu %s</title></rect>",
                      std::string(SeverityName(kSeverities[s])).c_str(), x, y + 2, width,
                      static_cast<unsigned long long>(counts[s]),
                      std::string(SeverityName(kSeverities[s])).c_str());
        out_ << buffer;
        x += width;
      }
      out_ << "<text class=\"value\" x=\"" << static_cast<int>(x) + 6 << "\" y=\"" << y + 16
           << "\">" << total(counts) << "</text></g>\n";
    }
    out_ << "</svg>\n<p class=\"legend\"><span class=\"key sev-error\"></span>error "
         << "<span class=\"key sev-warning\"></span>warning <span class=\"key sev-info\"></span>"
         << "info</p>\n</div>\n";
  }

  // Every rule that fired, with its rationale and suggestion: the page's
  // reference that findings and popovers link to.
  void WriteRules() {
    out_ << "<div class=\"panel wide\" id=\"by-rule\"><h3>Findings by rule</h3>\n";
    std::vector<uint32_t> fired;
    for (const auto& [index, stats] : rule_stats_) fired.push_back(index);
    if (fired.empty()) {
      out_ << "<p class=\"empty\">No rule fired.</p></div>\n";
      return;
    }
    std::stable_sort(fired.begin(), fired.end(), [&](uint32_t a, uint32_t b) {
      if (rule_stats_[a].findings != rule_stats_[b].findings) {
        return rule_stats_[a].findings > rule_stats_[b].findings;
      }
      return rule_order_[a]->id < rule_order_[b]->id;
    });
    out_ << "<div class=\"scroll\"><table class=\"rules\"><thead><tr><th>Rule</th><th>Category</th>"
         << "<th>Severity</th><th class=\"num\">Findings</th><th class=\"num\">Pages</th></tr>"
         << "</thead><tbody>\n";
    for (uint32_t index : fired) {
      const rules::Rule& rule = *rule_order_[index];
      const RuleStats& stats = rule_stats_[index];
      out_ << "<tr id=\"r" << index << "\" class=\"rule-row\"><td><code>" << Html(rule.id)
           << "</code><details><summary>" << Html(rule.message) << "</summary>"
           << "<p class=\"rationale\"><b>Why:</b> " << Html(rule.rationale) << "</p>"
           << "<p class=\"suggestion\"><b>Instead:</b> " << Html(rule.suggestion) << "</p>"
           << "</details></td><td>" << Html(rule.category) << "</td><td><span class=\"badge sev-"
           << SeverityName(rule.severity) << "\">" << SeverityName(rule.severity)
           << "</span></td><td class=\"num\">" << stats.findings;
      if (stats.spared > 0) out_ << " <small>(" << stats.spared << " spared)</small>";
      out_ << "</td><td class=\"num\">" << stats.pages << "</td></tr>\n";
    }
    out_ << "</tbody></table></div>\n</div>\n";
  }

  void WriteTopPages() {
    out_ << "<div class=\"panel\" id=\"top-pages\"><h3>Pages with most findings</h3>\n";
    if (top_.items().empty()) {
      out_ << "<p class=\"empty\">None.</p></div>\n";
      return;
    }
    out_ << "<ol class=\"top-pages\">\n";
    for (const auto& [key, count] : top_.items()) {
      size_t newline = key.find('\n');
      out_ << "<li><a href=\"#d" << key.substr(0, newline) << "\">"
           << Html(std::string_view(key).substr(newline + 1)) << "</a> <span class=\"count\">"
           << count << "</span></li>\n";
    }
    out_ << "</ol>\n</div>\n";
  }

  void WriteFilters() {
    out_ << "<section id=\"filters\" class=\"filters\" aria-label=\"Filters\">\n"
         << "<noscript><p class=\"note\">Filters and finding details need JavaScript; every "
         << "finding is listed under its document.</p></noscript>\n"
         << "<form id=\"filter-form\" hidden>\n<fieldset><legend>Severity</legend>";
    for (Severity severity : kSeverities) {
      const std::string name(SeverityName(severity));
      out_ << "<label class=\"chip sev-" << name << "\"><input type=\"checkbox\" name=\"sev\" "
           << "value=\"" << name << "\" checked> " << name << "</label>";
    }
    out_ << "</fieldset>\n<fieldset><legend>Category</legend>";
    for (const auto& [category, counts] : by_category_) {
      out_ << "<label class=\"chip\"><input type=\"checkbox\" name=\"cat\" value=\""
           << Attr(category) << "\" checked> " << Html(category) << " <small>("
           << counts[0] + counts[1] + counts[2] << ")</small></label>";
    }
    out_ << "</fieldset>\n<fieldset><legend>Show</legend><label class=\"chip\"><input "
         << "type=\"checkbox\" name=\"spared\" value=\"spared\" checked> spared claims</label>"
         << "</fieldset>\n<details class=\"rule-filter\"><summary>Rules (" << rule_stats_.size()
         << ")</summary><fieldset><legend>Rule</legend>";
    for (const auto& [index, stats] : rule_stats_) {
      out_ << "<label class=\"chip\"><input type=\"checkbox\" name=\"rule\" value=\""
           << Attr(rule_order_[index]->id) << "\" checked> " << Html(rule_order_[index]->id)
           << " <small>(" << stats.findings << ")</small></label>";
    }
    out_ << "</fieldset></details>\n<div class=\"actions\"><button type=\"button\" "
         << "data-action=\"reset\">Show all</button> <button type=\"button\" "
         << "data-action=\"collapse\">Collapse documents</button> <button type=\"button\" "
         << "data-action=\"expand\">Expand documents</button></div>\n</form>\n</section>\n";
  }

  std::ostream& out_;
  RunInfo run_;
  internal::Spool spool_;
  std::unordered_map<const rules::Rule*, uint32_t> rule_index_;
  std::vector<const rules::Rule*> rule_order_;
  std::map<uint32_t, RuleStats> rule_stats_;
  std::map<std::string, std::array<uint64_t, 3>> by_category_;
  internal::TopFiles top_{kTopPages};  // keys: "doc index\npath"
  uint64_t files_ = 0;
  uint64_t docs_with_findings_ = 0;
  uint64_t spared_ = 0;
  uint64_t clean_count_ = 0;
  std::string clean_;
  uint64_t unreadable_count_ = 0;
  uint64_t unreadable_rows_ = 0;
  std::string unreadable_;
  uint64_t missing_pages_ = 0;
  uint64_t missing_rows_ = 0;
  std::map<std::string, uint64_t> missing_by_rule_;
  std::string missing_;
};

}  // namespace

std::unique_ptr<Sink> MakeHtmlSink(std::ostream& out) {
  return std::make_unique<HtmlSink>(out);
}

}  // namespace claimlint::report
