// Reading and writing whole files and fresh temporary folders in tests,
// shared by the suites that run the binary or read fixtures.

#ifndef CLAIMLINT_TESTS_TEST_FILES_H_
#define CLAIMLINT_TESTS_TEST_FILES_H_

#include <gtest/gtest.h>
#include <unistd.h>

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

inline void WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// An empty folder of the running test's own, named after `suite`, the
// process and the test, so parallel ctest runs never share one.
inline std::filesystem::path TempDir(const std::string& suite) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("claimlint-" + suite + "-" + std::to_string(getpid()) + "-" +
       ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace claimlint::testing_files

#endif  // CLAIMLINT_TESTS_TEST_FILES_H_
