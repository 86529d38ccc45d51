// Reading and writing whole files in tests, shared by the suites that run
// the binary or read fixtures.

#ifndef CLAIMLINT_TESTS_TEST_FILES_H_
#define CLAIMLINT_TESTS_TEST_FILES_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace claimlint::testing_files {

// The bytes of `path`, or "" when it cannot be read.
inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace claimlint::testing_files

#endif  // CLAIMLINT_TESTS_TEST_FILES_H_
