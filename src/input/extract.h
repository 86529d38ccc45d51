// Internal to the input stage: one extractor per format. Each reads the
// decoded text, fills document.prose, to_source (through a ProseBuilder),
// blocks, links and inexact_runs, and may add warnings.

#ifndef CLAIMLINT_INPUT_EXTRACT_H_
#define CLAIMLINT_INPUT_EXTRACT_H_

#include "input/decode.h"
#include "input/input.h"

namespace claimlint::input {

void ExtractText(const Decoded& decoded, Document& document);
void ExtractMarkdown(const Decoded& decoded, Document& document);
void ExtractHtml(const Decoded& decoded, Document& document);

}  // namespace claimlint::input

#endif  // CLAIMLINT_INPUT_EXTRACT_H_
