#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "report/report.h"

namespace claimlint::report {

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  // Special files (/dev/null, /dev/stdout, pipes) cannot be renamed onto:
  // write them directly.
  if (path_.starts_with("/dev/")) {
    stream_ = std::make_unique<std::ofstream>(path_, std::ios::binary);
    ok_ = static_cast<bool>(*stream_);
    if (!ok_) error_ = "cannot open " + path_ + ": " + std::strerror(errno);
    return;
  }
  std::string pattern = path_ + ".tmp-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    error_ = "cannot create a temporary file next to " + path_ + ": " + std::strerror(errno);
    return;
  }
  close(fd);
  temp_path_ = name.data();
  stream_ = std::make_unique<std::ofstream>(temp_path_, std::ios::binary | std::ios::trunc);
  ok_ = static_cast<bool>(*stream_);
  if (!ok_) error_ = "cannot write " + temp_path_ + ": " + std::strerror(errno);
}

AtomicFile::~AtomicFile() {
  if (!committed_ && !temp_path_.empty()) std::remove(temp_path_.c_str());
}

std::ostream& AtomicFile::stream() { return *stream_; }

bool AtomicFile::Commit() {
  if (!ok_) return false;
  auto& file = static_cast<std::ofstream&>(*stream_);
  file.flush();
  if (!file) {
    error_ = "cannot write " + path_ + ": " + std::strerror(errno);
    return false;
  }
  file.close();
  if (temp_path_.empty()) {
    committed_ = true;
    return true;
  }
  // mkstemp makes the file 0600; a report is as readable as any new file.
  mode_t mask = umask(0);
  umask(mask);
  chmod(temp_path_.c_str(), 0666 & ~mask);
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    error_ = "cannot move the report into place at " + path_ + ": " + std::strerror(errno);
    return false;
  }
  committed_ = true;
  return true;
}

}  // namespace claimlint::report
