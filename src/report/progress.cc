#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "report/report.h"

namespace claimlint::report {

namespace {

using Clock = std::chrono::steady_clock;

std::string Duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "--:--";
  auto total = static_cast<long long>(seconds + 0.5);
  char buffer[32];
  if (total >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60,
                  total % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", total / 60, total % 60);
  }
  return buffer;
}

// Draws `[=====>    ] 120/400 files  37 findings  85.2 files/s  ETA 0:03`
// on one line, rewritten in place with CR and erase-line.
class ProgressBar : public Progress {
 public:
  ProgressBar(std::ostream& out, std::ostream* flush_first, int width)
      : out_(out), flush_first_(flush_first), width_(width < 40 ? 80 : width),
        start_(Clock::now()) {}

  void BeforeOutput() override {
    if (!drawn_) return;
    out_ << "\r\x1b[K" << std::flush;
    drawn_ = false;
  }

  void Update(uint64_t done, uint64_t total, uint64_t findings) override {
    if (total < 2) return;  // a single file needs no bar
    Clock::time_point now = Clock::now();
    // The first and last file always draw; between them, ten times a second.
    if (done != 1 && done != total && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    double elapsed = std::chrono::duration<double>(now - start_).count();
    double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
    double eta = rate > 0 ? static_cast<double>(total - done) / rate : -1;
    char numbers[160];
    std::snprintf(numbers, sizeof numbers, " %llu/%llu files  %llu findings  %.1f files/s  ETA %s",
                  static_cast<unsigned long long>(done), static_cast<unsigned long long>(total),
                  static_cast<unsigned long long>(findings), rate, Duration(eta).c_str());
    std::string text = numbers;
    int bar = std::max(10, std::min(40, width_ - static_cast<int>(text.size()) - 3));
    int filled = total == 0 ? bar : static_cast<int>(static_cast<double>(bar) * done / total);
    // Built with append: GCC 12 warns (-Wrestrict) on "[" + std::string(n, c).
    std::string line(1, '[');
    line.append(static_cast<size_t>(filled), '=');
    if (filled < bar) {
      line.push_back('>');
      line.append(static_cast<size_t>(bar - filled - 1), ' ');
    }
    line.push_back(']');
    line.append(text);
    if (static_cast<int>(line.size()) >= width_) line.resize(width_ - 1);
    if (flush_first_ != nullptr) flush_first_->flush();
    out_ << "\r\x1b[K" << line << std::flush;
    drawn_ = true;
  }

  void Finish() override { BeforeOutput(); }

 private:
  std::ostream& out_;
  std::ostream* flush_first_;
  int width_;
  Clock::time_point start_;
  Clock::time_point last_draw_{};
  bool drawn_ = false;
};

}  // namespace

std::unique_ptr<Progress> MakeProgressBar(std::ostream& out, std::ostream* flush_first,
                                          int width) {
  return std::make_unique<ProgressBar>(out, flush_first, width);
}

}  // namespace claimlint::report
