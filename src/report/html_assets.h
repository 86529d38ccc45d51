// Internal to src/report/: the HTML report's stylesheet and script, embedded
// at build time from src/report/assets/ by embed_assets.cmake.

#ifndef CLAIMLINT_REPORT_HTML_ASSETS_H_
#define CLAIMLINT_REPORT_HTML_ASSETS_H_

namespace claimlint::report::internal {

extern const char kReportCss[];
extern const char kReportJs[];
// SHA-256 of kReportJs, lower-case hex: the CSP's script-src hash.
extern const char kReportJsSha256Hex[];

}  // namespace claimlint::report::internal

#endif  // CLAIMLINT_REPORT_HTML_ASSETS_H_
