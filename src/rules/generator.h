// Internal to the rules stage's build-time generators (make_forms_table,
// make_embedded_packs): reading a pack and writing the generated file, each
// failure said once on stderr as "TOOL: what went wrong".

#ifndef CLAIMLINT_RULES_GENERATOR_H_
#define CLAIMLINT_RULES_GENERATOR_H_

#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

namespace claimlint::rules {

inline std::optional<std::string> ReadInput(const char* tool, const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  if (in) text << in.rdbuf();
  if (!in || !text) {
    std::cerr << tool << ": cannot read " << path << "\n";
    return std::nullopt;
  }
  return text.str();
}

// Writes `text` to `path`; a file cut short is removed, so the build does
// not take it for done. The exit status for main.
inline int WriteOutput(const char* tool, const char* path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    std::cerr << tool << ": cannot write " << path << "\n";
    std::remove(path);
    return 1;
  }
  return 0;
}

}  // namespace claimlint::rules

#endif  // CLAIMLINT_RULES_GENERATOR_H_
