// Which files a scan reads: globs (translated to RE2, the only regex engine
// claimlint uses), .claimlintignore rules, and the folder walk itself.

#include <re2/re2.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>

#include "scan/scan.h"

namespace claimlint::scan {

namespace {

namespace fs = std::filesystem;

// The RE2 form of a glob body (no leading or trailing '/').
std::string TranslateGlob(std::string_view glob) {
  std::string out;
  size_t i = 0;
  while (i < glob.size()) {
    char c = glob[i];
    if (c == '*') {
      bool double_star = i + 1 < glob.size() && glob[i + 1] == '*';
      bool at_segment_start = i == 0 || glob[i - 1] == '/';
      if (double_star && at_segment_start) {
        size_t after = i + 2;
        if (after == glob.size()) {  // "x/**": everything inside
          out += ".*";
          i = after;
          continue;
        }
        if (glob[after] == '/') {  // "**/": any number of folders, even none
          out += "(?:.*/)?";
          i = after + 1;
          continue;
        }
      }
      // Any other run of stars is one star.
      while (i < glob.size() && glob[i] == '*') ++i;
      out += "[^/]*";
      continue;
    }
    if (c == '?') {
      out += "[^/]";
      ++i;
      continue;
    }
    if (c == '\\' && i + 1 < glob.size()) {
      out += RE2::QuoteMeta(glob.substr(i + 1, 1));
      i += 2;
      continue;
    }
    if (c == '[') {
      size_t j = i + 1;
      bool negate = j < glob.size() && (glob[j] == '!' || glob[j] == '^');
      if (negate) ++j;
      size_t first = j;
      if (j < glob.size() && glob[j] == ']') ++j;  // "[]...]": ']' is a member
      while (j < glob.size() && glob[j] != ']') ++j;
      if (j < glob.size()) {
        out += negate ? "[^/" : "[";
        for (size_t k = first; k < j; ++k) {
          char m = glob[k];
          bool plain = std::isalnum(static_cast<unsigned char>(m)) || m == '-' ||
                       static_cast<unsigned char>(m) >= 0x80;
          if (!plain) out += '\\';
          out += m;
        }
        out += ']';
        i = j + 1;
        continue;
      }
      // No closing ']': a literal '['.
    }
    out += RE2::QuoteMeta(glob.substr(i, 1));
    ++i;
  }
  return out;
}

std::string ReadWhole(const fs::path& path, std::error_code& error) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    error = std::error_code(errno, std::generic_category());
    return {};
  }
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

bool IsHiddenName(const std::string& name) { return name.size() > 1 && name[0] == '.'; }

// The include/exclude filters of a run, compiled once.
struct Filters {
  std::vector<PathGlob> include;
  std::vector<PathGlob> exclude;

  bool Excluded(std::string_view path, bool is_dir) const {
    return std::any_of(exclude.begin(), exclude.end(),
                       [&](const PathGlob& glob) { return glob.Matches(path, is_dir); });
  }
  // A file is included when it, or a folder it is in, matches an include.
  bool Included(std::string_view path) const {
    if (include.empty()) return true;
    for (const PathGlob& glob : include) {
      if (glob.Matches(path, false)) return true;
      for (size_t slash = path.find('/'); slash != std::string_view::npos;
           slash = path.find('/', slash + 1)) {
        if (glob.Matches(path.substr(0, slash), true)) return true;
      }
    }
    return false;
  }
};

void Walk(const std::string& root, const Filters& filters, bool use_ignore_files,
          std::vector<InputFile>& inputs) {
  IgnoreRules ignore;
  if (use_ignore_files) {
    fs::path ignore_path = fs::path(root) / ".claimlintignore";
    std::error_code exists_error;
    if (fs::exists(ignore_path, exists_error)) {
      std::error_code error;
      std::string text = ReadWhole(ignore_path, error);
      if (error) {
        inputs.push_back({ignore_path.string(), false,
                          Diagnostic{"CL104", ignore_path.string(),
                                     "cannot read ignore file: " + error.message() +
                                         "; the folder was walked without it",
                                     true}});
      } else {
        ignore = IgnoreRules(text);
      }
    }
  }
  // Folders entered so far, by device and inode: a bind mount cannot loop.
  std::set<std::pair<dev_t, ino_t>> visited;
  struct Pending {
    fs::path path;
    std::string relative;
  };
  std::vector<Pending> stack{{fs::path(root), ""}};
  while (!stack.empty()) {
    Pending folder = std::move(stack.back());
    stack.pop_back();
    struct stat info;
    if (::stat(folder.path.c_str(), &info) == 0 &&
        !visited.insert({info.st_dev, info.st_ino}).second) {
      continue;
    }
    std::error_code error;
    fs::directory_iterator it(folder.path, error);
    if (error) {
      inputs.push_back({folder.path.string(), false,
                        Diagnostic{"CL104", folder.path.string(),
                                   "cannot read folder: " + error.message(), true}});
      continue;
    }
    std::vector<Pending> subfolders;
    for (fs::directory_iterator end; it != end; it.increment(error)) {
      if (error) break;
      const fs::directory_entry& entry = *it;
      std::string name = entry.path().filename().string();
      if (IsHiddenName(name)) continue;
      std::string relative = folder.relative.empty() ? name : folder.relative + "/" + name;
      std::error_code status_error;
      bool is_link = entry.is_symlink(status_error);
      bool is_dir = !is_link && entry.is_directory(status_error);
      if (is_dir) {
        if (filters.Excluded(relative, true) || ignore.Ignored(relative, true)) continue;
        subfolders.push_back({entry.path(), std::move(relative)});
        continue;
      }
      // A link to a file is read; a link to a folder is not followed.
      if (!entry.is_regular_file(status_error)) continue;
      if (!input::IsScannableExtension(name)) continue;
      if (filters.Excluded(relative, false) || ignore.Ignored(relative, false)) continue;
      if (!filters.Included(relative)) continue;
      inputs.push_back({entry.path().string(), false, std::nullopt});
    }
    if (error) {
      inputs.push_back({folder.path.string(), false,
                        Diagnostic{"CL104", folder.path.string(),
                                   "cannot read folder: " + error.message(), true}});
    }
    // Reverse order on the stack keeps the walk roughly sorted; the final
    // order comes from the sort in ListInputs anyway.
    std::sort(subfolders.begin(), subfolders.end(),
              [](const Pending& a, const Pending& b) { return a.relative > b.relative; });
    for (Pending& subfolder : subfolders) stack.push_back(std::move(subfolder));
  }
}

}  // namespace

PathGlob::PathGlob(std::string_view pattern) {
  if (pattern.size() > 1 && pattern.back() == '/') {
    dir_only_ = true;
    pattern.remove_suffix(1);
  }
  bool anchored = pattern.find('/') != std::string_view::npos;
  if (pattern.starts_with('/')) pattern.remove_prefix(1);
  if (pattern.starts_with("./")) pattern.remove_prefix(2);
  regex_ = (anchored ? "^" : "^(?:.*/)?") + TranslateGlob(pattern) + "$";
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_shared<RE2>(regex_, options);
  if (!re->ok()) {
    // Cannot happen with the translation above; match nothing rather than
    // everything if it ever does.
    re = std::make_shared<RE2>("[^\\x00-\\x{10FFFF}]", options);
  }
  re_ = std::move(re);
}

bool PathGlob::Matches(std::string_view relative_path, bool is_dir) const {
  if (dir_only_ && !is_dir) return false;
  return RE2::FullMatch(relative_path, *re_);
}

IgnoreRules::IgnoreRules(std::string_view text) {
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // Trailing spaces go, unless quoted with a backslash.
    while (!line.empty() && line.back() == ' ' &&
           !(line.size() >= 2 && line[line.size() - 2] == '\\')) {
      line.remove_suffix(1);
    }
    if (line.empty() || line.front() == '#') continue;
    bool negate = false;
    if (line.front() == '!') {
      negate = true;
      line.remove_prefix(1);
    } else if (line.starts_with("\\#") || line.starts_with("\\!")) {
      line.remove_prefix(1);
    }
    if (line.empty()) continue;
    rules_.push_back({PathGlob(line), negate});
  }
}

bool IgnoreRules::Ignored(std::string_view relative_path, bool is_dir) const {
  bool ignored = false;
  for (const Rule& rule : rules_) {
    if (rule.glob.Matches(relative_path, is_dir)) ignored = !rule.negate;
  }
  return ignored;
}

std::vector<InputFile> ListInputs(const ScanOptions& options) {
  Filters filters;
  for (const std::string& glob : options.include) filters.include.emplace_back(glob);
  for (const std::string& glob : options.exclude) filters.exclude.emplace_back(glob);
  std::vector<InputFile> inputs;
  for (const std::string& path : options.paths) {
    if (path == "-") {
      std::string shown = options.stdin_filename.empty() ? "<stdin>" : options.stdin_filename;
      inputs.push_back({shown, true, std::nullopt});
      continue;
    }
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      inputs.push_back({path, false,
                        Diagnostic{"CL105", path, "no such file or directory; check the path",
                                   true}});
    } else if (fs::is_directory(status)) {
      Walk(path, filters, options.use_ignore_files, inputs);
    } else {
      inputs.push_back({path, false, std::nullopt});  // named: scanned whatever its extension
    }
  }
  // Path order makes every report deterministic; stdin keeps its place first.
  std::stable_sort(inputs.begin(), inputs.end(), [](const InputFile& a, const InputFile& b) {
    if (a.is_stdin != b.is_stdin) return a.is_stdin;
    return a.path < b.path;
  });
  inputs.erase(std::unique(inputs.begin(), inputs.end(),
                           [](const InputFile& a, const InputFile& b) {
                             return a.path == b.path && a.is_stdin == b.is_stdin && !a.error &&
                                    !b.error;
                           }),
               inputs.end());
  return inputs;
}

}  // namespace claimlint::scan
