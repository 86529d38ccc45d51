// claimlint-gen-corpus: writes the benchmark corpus to disk.
//
//   claimlint-gen-corpus OUT_DIR [--articles N] [--seed S] [--single FILE]
//   claimlint-gen-corpus --single FILE [--seed S]
//
// Writes N (default 4000, ~24 MB) articles of corpus_gen.h under OUT_DIR,
// and with --single FILE one ~5 KB article for the cold-start measurement.
// Existing files are overwritten; nothing else in OUT_DIR is removed.

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>

#include "corpus_gen.h"

namespace {

namespace fs = std::filesystem;

bool WriteFile(const fs::path& path, const std::string& data) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  if (ec) {
    std::fprintf(stderr, "claimlint-gen-corpus: cannot create %s: %s\n", path.parent_path().c_str(),
                 ec.message().c_str());
    return false;
  }
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) {
    std::fprintf(stderr, "claimlint-gen-corpus: cannot write %s: %s\n", path.c_str(),
                 std::strerror(errno));
    return false;
  }
  bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) std::fprintf(stderr, "claimlint-gen-corpus: error writing %s\n", path.c_str());
  return ok;
}

bool ParseCount(const char* text, uint64_t& out) {
  char* end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(text, &end, 0);
  if (errno != 0 || end == text || *end != '\0' || text[0] == '-') return false;
  out = v;
  return true;
}

int Usage() {
  std::fprintf(stderr,
               "usage: claimlint-gen-corpus OUT_DIR [--articles N] [--seed S] [--single FILE]\n"
               "       claimlint-gen-corpus --single FILE [--seed S]\n"
               "Writes N (default 4000) deterministic wellness articles, ~24 MB in all,\n"
               "to OUT_DIR/site-XX/[YYYY/]post-NNNNN.txt; --single FILE writes one\n"
               "article of about 5 KB.\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out_dir;
  std::string single;
  uint64_t articles = claimlint::bench::kDefaultArticles;
  uint64_t seed = claimlint::bench::kDefaultSeed;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    bool has_value = i + 1 < argc;
    if (arg == "--articles" && has_value) {
      if (!ParseCount(argv[++i], articles)) return Usage();
    } else if (arg == "--seed" && has_value) {
      if (!ParseCount(argv[++i], seed)) return Usage();
    } else if (arg == "--single" && has_value) {
      single = argv[++i];
    } else if (arg == "-h" || arg == "--help") {
      Usage();
      return 0;
    } else if (!arg.starts_with("-") && out_dir.empty()) {
      out_dir = arg;
    } else {
      return Usage();
    }
  }
  if (out_dir.empty() && single.empty()) return Usage();

  if (!out_dir.empty()) {
    uint64_t total = 0;
    for (uint64_t i = 0; i < articles; ++i) {
      claimlint::bench::CorpusArticle article = claimlint::bench::MakeCorpusArticle(seed, i);
      if (!WriteFile(fs::path(out_dir) / article.path, article.text)) return 1;
      total += article.text.size();
    }
    std::printf("wrote %llu articles, %llu bytes (%.1f MB) to %s\n",
                static_cast<unsigned long long>(articles), static_cast<unsigned long long>(total),
                static_cast<double>(total) / 1e6, out_dir.c_str());
  }
  if (!single.empty()) {
    std::string text = claimlint::bench::MakeSingleArticle(seed);
    if (!WriteFile(single, text)) return 1;
    std::printf("wrote %zu bytes to %s\n", text.size(), single.c_str());
  }
  return 0;
}
