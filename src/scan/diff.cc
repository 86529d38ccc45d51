// Changed-lines mode: which lines of which files a change touches.

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "scan/scan.h"

namespace claimlint::scan {

namespace {

// "+++ b/path\t..." -> "path"; "/dev/null" -> "".
std::string DiffPath(std::string_view line) {
  std::string_view path = line.substr(4);
  if (size_t tab = path.find('\t'); tab != std::string_view::npos) path = path.substr(0, tab);
  while (!path.empty() && (path.back() == '\r' || path.back() == ' ')) path.remove_suffix(1);
  if (path == "/dev/null") return "";
  if (path.size() > 2 && (path.starts_with("b/") || path.starts_with("a/"))) {
    path.remove_prefix(2);
  }
  return std::string(path);
}

// Reads "N" or "N,M" from `text` at `pos`.
bool ReadRange(std::string_view text, size_t& pos, uint32_t& start, uint32_t& count) {
  auto number = [&](uint32_t& out) {
    size_t begin = pos;
    out = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      out = out * 10 + static_cast<uint32_t>(text[pos++] - '0');
    }
    return pos > begin;
  };
  if (!number(start)) return false;
  count = 1;
  if (pos < text.size() && text[pos] == ',') {
    ++pos;
    return number(count);
  }
  return true;
}

}  // namespace

StatusOr<ChangedLines> ParseUnifiedDiff(std::string_view diff) {
  ChangedLines files;
  ChangedFile* file = nullptr;
  uint32_t new_line = 0, old_left = 0, new_left = 0;
  uint32_t line_number = 0;
  for (size_t begin = 0; begin < diff.size();) {
    size_t end = diff.find('\n', begin);
    if (end == std::string_view::npos) end = diff.size();
    std::string_view line = diff.substr(begin, end - begin);
    begin = end + 1;
    ++line_number;
    if (old_left > 0 || new_left > 0) {  // inside a hunk
      char kind = line.empty() ? ' ' : line[0];
      if (kind == '+' && new_left > 0) {
        file->added.push_back(new_line++);
        file->changed = true;
        --new_left;
        continue;
      }
      if (kind == '-' && old_left > 0) {
        file->changed = true;
        --old_left;
        continue;
      }
      if (kind == ' ' && old_left > 0 && new_left > 0) {
        ++new_line;
        --old_left;
        --new_left;
        continue;
      }
      if (kind == '\\') continue;  // "\ No newline at end of file"
      old_left = new_left = 0;     // a short hunk; read the line as a header
    }
    if (line.starts_with("+++ ")) {
      std::string path = DiffPath(line);
      file = path.empty() ? nullptr : &files[path];
    } else if (line.starts_with("@@ ") && file != nullptr) {
      size_t pos = line.find('-');
      uint32_t old_start = 0, new_start = 0;
      size_t plus = line.find(" +");
      if (pos == std::string_view::npos || plus == std::string_view::npos) {
        return Diagnostic{"CL701", "diff:" + std::to_string(line_number),
                          "malformed hunk header", true};
      }
      ++pos;
      size_t pos2 = plus + 2;
      if (!ReadRange(line, pos, old_start, old_left) ||
          !ReadRange(line, pos2, new_start, new_left)) {
        return Diagnostic{"CL701", "diff:" + std::to_string(line_number),
                          "malformed hunk header", true};
      }
      new_line = new_start;
      if (old_left > 0) file->changed = true;  // checked again line by line
    }
  }
  for (auto& [path, changed] : files) {
    std::sort(changed.added.begin(), changed.added.end());
  }
  return files;
}

StatusOr<ChangedLines> GitDiff(const std::string& rev) {
  int out[2], err[2];
  if (pipe(out) != 0 || pipe(err) != 0) {
    return Diagnostic{"CL702", "git", std::string("pipe: ") + std::strerror(errno), true};
  }
  std::vector<std::string> args = {"git",         "diff",       "--merge-base", rev,
                                   "--relative",  "--unified=0", "--no-color",  "--no-ext-diff",
                                   "--"};
  pid_t pid = fork();
  if (pid < 0) return Diagnostic{"CL702", "git", std::string("fork: ") + std::strerror(errno), true};
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    dup2(err[1], STDERR_FILENO);
    close(out[0]);
    close(out[1]);
    close(err[0]);
    close(err[1]);
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execvp("git", argv.data());
    _exit(127);
  }
  close(out[1]);
  close(err[1]);
  // Reads both pipes to their ends (stderr is small; read it after).
  auto drain = [](int fd) {
    std::string text;
    char buffer[1 << 16];
    for (;;) {
      ssize_t n = read(fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      text.append(buffer, static_cast<size_t>(n));
    }
    close(fd);
    return text;
  };
  std::string diff = drain(out[0]);
  std::string errors = drain(err[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) errors = "cannot run git";
    while (!errors.empty() && errors.back() == '\n') errors.pop_back();
    return Diagnostic{"CL702", "git", "git diff --merge-base " + rev + " failed: " + errors, true};
  }
  return ParseUnifiedDiff(diff);
}

}  // namespace claimlint::scan
