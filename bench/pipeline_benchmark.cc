// claimlint-microbench: per-stage throughput of the pipeline, in memory, on
// the first articles of the benchmark corpus (corpus_gen.h), with Google
// Benchmark. Each iteration runs one stage over the whole batch, so the
// bytes/s column is prose throughput and items/s is articles per second on
// one thread.
//
//   claimlint-microbench [--benchmark_filter=Fold] [--benchmark_min_time=2]
//
// The stages take what the stage before produced; that input is built once,
// outside the timed loop. ScanSource is the whole pipeline for one file
// (extract, fold, match, analyze) without the report writer; LoadCorePack is
// the rule-pack compile that every run pays once.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "corpus_gen.h"
#include "input/input.h"
#include "rules/rules.h"
#include "scan/scan.h"
#include "text/text.h"

namespace {

namespace input = claimlint::input;
namespace rules = claimlint::rules;
namespace scan = claimlint::scan;
namespace text = claimlint::text;

// Large enough to mix short posts, long pillar pages and CRLF sites.
constexpr uint64_t kBatch = 64;

const std::vector<input::Source>& Sources() {
  static const std::vector<input::Source>* sources = [] {
    auto* out = new std::vector<input::Source>();
    for (uint64_t i = 0; i < kBatch; ++i) {
      claimlint::bench::CorpusArticle article =
          claimlint::bench::MakeCorpusArticle(claimlint::bench::kDefaultSeed, i);
      out->push_back({std::move(article.path), std::move(article.text)});
    }
    return out;
  }();
  return *sources;
}

int64_t BatchBytes() {
  int64_t bytes = 0;
  for (const input::Source& source : Sources()) bytes += static_cast<int64_t>(source.bytes.size());
  return bytes;
}

[[noreturn]] void Die(const std::vector<claimlint::Diagnostic>& errors, const char* what) {
  for (const claimlint::Diagnostic& error : errors) {
    std::fprintf(stderr, "%s\n", error.ToString().c_str());
  }
  std::fprintf(stderr, "claimlint-microbench: %s failed\n", what);
  std::abort();
}

// Documents point into Sources(), which live for the whole process.
const std::vector<input::Document>& Documents() {
  static const std::vector<input::Document>* documents = [] {
    auto* out = new std::vector<input::Document>();
    for (const input::Source& source : Sources()) {
      claimlint::StatusOr<input::Document> document = input::Extract(source, input::Format::kText);
      if (!document.ok()) Die(document.errors(), "input::Extract");
      out->push_back(std::move(document.value()));
    }
    return out;
  }();
  return *documents;
}

const std::vector<text::Folded>& FoldedTexts() {
  static const std::vector<text::Folded>* folded = [] {
    auto* out = new std::vector<text::Folded>();
    for (const input::Document& document : Documents()) out->push_back(text::Fold(document.prose));
    return out;
  }();
  return *folded;
}

std::vector<rules::PackSource> CoreSource() {
  std::vector<rules::PackSource> sources = rules::EmbeddedPacks();
  sources.resize(1);  // the core pack, as the CLI uses by default
  return sources;
}

const rules::CompiledPack& CorePack() {
  static const std::shared_ptr<const rules::CompiledPack>* pack = [] {
    auto loaded = rules::Load(CoreSource());
    if (!loaded.ok()) Die(loaded.errors(), "rules::Load");
    return new std::shared_ptr<const rules::CompiledPack>(std::move(loaded.value()));
  }();
  return **pack;
}

void SetThroughput(benchmark::State& state) {
  state.SetBytesProcessed(state.iterations() * BatchBytes());
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(kBatch));
}

void BM_Extract(benchmark::State& state) {
  for (auto _ : state) {
    for (const input::Source& source : Sources()) {
      auto document = input::Extract(source, input::Format::kText);
      benchmark::DoNotOptimize(document);
    }
  }
  SetThroughput(state);
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

void BM_Fold(benchmark::State& state) {
  const std::vector<input::Document>& documents = Documents();
  for (auto _ : state) {
    for (const input::Document& document : documents) {
      text::Folded folded = text::Fold(document.prose);
      benchmark::DoNotOptimize(folded);
    }
  }
  SetThroughput(state);
}
BENCHMARK(BM_Fold)->Unit(benchmark::kMillisecond);

// Every block, as if each one had a prefilter candidate (the worst case; the
// match stage splits only blocks with candidates).
void BM_SplitSentences(benchmark::State& state) {
  const std::vector<input::Document>& documents = Documents();
  const std::vector<text::Folded>& folded = FoldedTexts();
  int64_t sentences = 0;
  for (auto _ : state) {
    sentences = 0;
    for (size_t i = 0; i < documents.size(); ++i) {
      for (const input::Block& block : documents[i].blocks) {
        std::vector<text::Sentence> split =
            text::SplitSentences(documents[i], folded[i], block.prose);
        sentences += static_cast<int64_t>(split.size());
        benchmark::DoNotOptimize(split);
      }
    }
  }
  SetThroughput(state);
  state.counters["sentences"] = static_cast<double>(sentences);
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);

void BM_ScanSource(benchmark::State& state) {
  const rules::CompiledPack& pack = CorePack();
  int64_t findings = 0;
  for (auto _ : state) {
    findings = 0;
    for (const input::Source& source : Sources()) {
      claimlint::report::FileResult result = scan::ScanSource(source, input::Format::kText, pack);
      findings += static_cast<int64_t>(result.findings.size());
      benchmark::DoNotOptimize(result);
    }
  }
  SetThroughput(state);
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_ScanSource)->Unit(benchmark::kMillisecond);

void BM_LoadCorePack(benchmark::State& state) {
  const std::vector<rules::PackSource> sources = CoreSource();
  for (auto _ : state) {
    auto pack = rules::Load(sources);
    if (!pack.ok()) Die(pack.errors(), "rules::Load");
    benchmark::DoNotOptimize(pack);
  }
}
BENCHMARK(BM_LoadCorePack)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
