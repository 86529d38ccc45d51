// Markdown with cmark-gfm. cmark gives each node a source position (line,
// column) but not each byte of its text, and its inline positions drift
// inside containers (a lazy continuation line, a nested list). So the walk
// keeps a cursor in the source of the block it is in and finds each text
// literal at or after it, reading entities and escapes as cmark did; the
// positions cmark gives are only a first guess. Blocks are collected as
// drafts and sorted into source order, because cmark moves footnote
// definitions to the end of the document.

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "input/extract.h"
#include "input/prose.h"

namespace claimlint::input {

namespace {

// What stands in prose for an inline code span: not prose, but not nothing
// either, so the words on both sides do not join into a phrase.
constexpr std::string_view kObjectReplacement = "\xEF\xBF\xBC";

// How far past the cursor a text literal is looked for before giving up.
constexpr uint32_t kMaxSearch = 1 << 16;

bool IsLineEnd(char c) { return c == '\n' || c == '\r'; }

// A block under construction: its kind and the ops that build its prose.
struct Draft {
  BlockKind kind;
  std::vector<ProseOp> ops;
  uint32_t prose_size = 0;
  uint32_t base = 0;  // where its prose starts in the Document, once placed

  void Add(ProseOp op) {
    prose_size += op.kind == ProseOp::kCopy ? op.text_length : static_cast<uint32_t>(op.out.size());
    ops.push_back(std::move(op));
  }
  uint32_t SourceStart() const { return ops.empty() ? 0 : ops.front().text_begin; }
};

// A position in prose before drafts are placed: draft index + offset.
struct DraftPosition {
  size_t draft;
  uint32_t offset;
};

struct PendingLink {
  LinkKind kind;
  std::string href;
  DraftPosition begin, end;
};

// Front matter fields worth scanning: (kind, ops).
struct FrontMatter {
  uint32_t end = 0;  // text bytes the front matter takes (0: none)
  std::vector<std::pair<BlockKind, std::vector<ProseOp>>> fields;
};

size_t LineEnd(std::string_view text, size_t i) {
  size_t end = text.find_first_of("\r\n", i);
  return end == std::string_view::npos ? text.size() : end;
}

size_t NextLine(std::string_view text, size_t i) {
  size_t end = LineEnd(text, i);
  if (end >= text.size()) return text.size();
  if (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') return end + 2;
  return end + 1;
}

std::string_view TrimRightSpaces(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The value of a front matter field on its line (`title: Hello` or
// `title = "Hello"`), starting at `value_begin`, as ops; block scalars
// (`|`, `>`) and indented continuation lines (YAML) are read too.
void ReadFrontMatterValue(std::string_view text, size_t value_begin, size_t limit, bool toml,
                          std::vector<ProseOp>& ops) {
  size_t line_end = LineEnd(text, value_begin);
  std::string_view value = TrimRightSpaces(text.substr(value_begin, line_end - value_begin));
  if (value.empty()) return;
  auto u32 = [](size_t n) { return static_cast<uint32_t>(n); };
  char quote = value.front();
  if (quote == '"' || quote == '\'') {
    // A quoted scalar on one line; escapes are atomic.
    size_t i = value_begin + 1;
    size_t run = i;
    auto flush = [&](size_t end) {
      if (end > run) ops.push_back({ProseOp::kCopy, u32(run), u32(end - run), {}});
    };
    while (i < line_end) {
      char c = text[i];
      if (c == quote && quote == '\'' && i + 1 < line_end && text[i + 1] == '\'') {
        flush(i);
        ops.push_back({ProseOp::kReplace, u32(i), 2, "'"});
        i += 2;
        run = i;
        continue;
      }
      if (c == quote) break;
      if (c == '\\' && quote == '"' && i + 1 < line_end) {
        flush(i);
        char escaped = text[i + 1];
        std::string out(1, escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped);
        ops.push_back({ProseOp::kReplace, u32(i), 2, out});
        i += 2;
        run = i;
        continue;
      }
      ++i;
    }
    flush(i);
    return;
  }
  if (toml) return;  // TOML strings are quoted; anything else is no prose
  bool block_scalar = value.front() == '|' || value.front() == '>';
  bool folded = value.front() != '|';
  if (!block_scalar) {
    size_t comment = value.find(" #");
    if (comment != std::string_view::npos) value = TrimRightSpaces(value.substr(0, comment));
    ops.push_back({ProseOp::kCopy, u32(value_begin), u32(value.size()), {}});
  }
  // Indented lines that follow continue the value.
  size_t i = NextLine(text, line_end);
  while (i < limit) {
    size_t end = LineEnd(text, i);
    std::string_view line = text.substr(i, end - i);
    size_t indent = line.find_first_not_of(" \t");
    if (indent == std::string_view::npos) {  // a blank line inside the value
      i = NextLine(text, end);
      continue;
    }
    if (indent == 0) break;
    std::string_view content = TrimRightSpaces(line.substr(indent));
    if (!ops.empty()) ops.push_back({ProseOp::kInsert, 0, 0, folded ? " " : "\n"});
    ops.push_back({ProseOp::kCopy, u32(i + indent), u32(content.size()), {}});
    i = NextLine(text, end);
  }
}

// YAML front matter between "---" lines (closed by "---" or "..."), or TOML
// between "+++" lines, at the very start of the text.
FrontMatter ParseFrontMatter(std::string_view text) {
  FrontMatter front;
  std::string_view fence;
  if (text.starts_with("---")) fence = "---";
  if (text.starts_with("+++")) fence = "+++";
  if (fence.empty()) return front;
  if (!TrimRightSpaces(text.substr(0, LineEnd(text, 0))).ends_with(fence) ||
      TrimRightSpaces(text.substr(0, LineEnd(text, 0))).size() != 3) {
    return front;
  }
  bool toml = fence == "+++";
  size_t body = NextLine(text, 0);
  size_t close = std::string_view::npos, after = 0;
  for (size_t i = body; i < text.size();) {
    size_t end = LineEnd(text, i);
    std::string_view line = TrimRightSpaces(text.substr(i, end - i));
    if (line == fence || (!toml && line == "...")) {
      close = i;
      after = NextLine(text, end);
      break;
    }
    if (end >= text.size()) break;
    i = NextLine(text, end);
  }
  if (close == std::string_view::npos) return front;  // not front matter: a rule, say
  front.end = static_cast<uint32_t>(after);
  for (size_t i = body; i < close;) {
    size_t end = LineEnd(text, i);
    std::string_view line = text.substr(i, end - i);
    for (auto [key, kind] : {std::pair{std::string_view("title"), BlockKind::kTitle},
                             std::pair{std::string_view("description"),
                                       BlockKind::kMetaDescription}}) {
      if (!line.starts_with(key)) continue;
      size_t j = key.size();
      while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
      if (j >= line.size() || line[j] != (toml ? '=' : ':')) continue;
      ++j;
      while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
      std::vector<ProseOp> ops;
      ReadFrontMatterValue(text, i + j, close, toml, ops);
      if (!ops.empty()) front.fields.emplace_back(kind, std::move(ops));
    }
    i = NextLine(text, end);
  }
  return front;
}

cmark_syntax_extension* Extension(const char* name) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  return cmark_find_syntax_extension(name);
}

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct IterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

enum class Kind {
  kOther, kDocument, kBlockQuote, kItem, kFootnoteDefinition, kParagraph, kHeading,
  kTableCell, kText, kSoftBreak, kLineBreak, kCode, kHtmlInline, kLink, kImage,
  kFootnoteReference,
};

Kind KindOf(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_DOCUMENT: return Kind::kDocument;
    case CMARK_NODE_BLOCK_QUOTE: return Kind::kBlockQuote;
    case CMARK_NODE_ITEM: return Kind::kItem;
    case CMARK_NODE_FOOTNOTE_DEFINITION: return Kind::kFootnoteDefinition;
    case CMARK_NODE_PARAGRAPH: return Kind::kParagraph;
    case CMARK_NODE_HEADING: return Kind::kHeading;
    case CMARK_NODE_TEXT: return Kind::kText;
    case CMARK_NODE_SOFTBREAK: return Kind::kSoftBreak;
    case CMARK_NODE_LINEBREAK: return Kind::kLineBreak;
    case CMARK_NODE_CODE: return Kind::kCode;
    case CMARK_NODE_HTML_INLINE: return Kind::kHtmlInline;
    case CMARK_NODE_LINK: return Kind::kLink;
    case CMARK_NODE_IMAGE: return Kind::kImage;
    case CMARK_NODE_FOOTNOTE_REFERENCE: return Kind::kFootnoteReference;
    default: break;
  }
  const char* name = cmark_node_get_type_string(node);
  if (name != nullptr && std::strcmp(name, "table_cell") == 0) return Kind::kTableCell;
  return Kind::kOther;
}

class Walker {
 public:
  Walker(std::string_view text, Document& document) : text_(text), document_(document) {
    line_starts_.push_back(0);
    for (uint32_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
        line_starts_.push_back(i + 1);
      }
    }
  }

  void AddFrontMatter(FrontMatter& front) {
    for (auto& [kind, ops] : front.fields) {
      drafts_.push_back({kind, {}, 0, 0});
      for (ProseOp& op : ops) drafts_.back().Add(std::move(op));
    }
  }

  void Walk(cmark_node* root);
  void Emit(const Decoded& decoded);

 private:
  // Byte offset of cmark's 1-based (line, column), or npos.
  size_t OffsetOf(int line, int column) const {
    if (line <= 0 || static_cast<size_t>(line) > line_starts_.size() || column <= 0) {
      return std::string_view::npos;
    }
    size_t offset = line_starts_[line - 1] + static_cast<size_t>(column - 1);
    return offset <= text_.size() ? offset : std::string_view::npos;
  }
  // The end (after its line break) of the line holding `offset`.
  size_t EndOfLineAt(size_t offset) const {
    auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    return next == line_starts_.end() ? text_.size() : *next;
  }
  size_t EndOfLine(int line) const {
    if (line <= 0 || static_cast<size_t>(line) >= line_starts_.size()) return text_.size();
    return line_starts_[line];
  }

  void StartDraft(BlockKind kind) {
    drafts_.push_back({kind, {}, 0, 0});
    current_ = drafts_.size() - 1;
  }
  DraftPosition Here() const { return {current_, drafts_[current_].prose_size}; }

  void OnText(cmark_node* node);
  void OnBreak(bool hard);
  void OnCode();
  void OnHtmlInline(cmark_node* node);
  void SkipLinkTail(char style);
  void SkipBalancedDestination();

  std::string_view text_;
  Document& document_;
  std::vector<uint32_t> line_starts_;
  std::vector<Draft> drafts_;
  std::vector<PendingLink> links_;
  size_t current_ = 0;
  bool in_block_ = false;
  BlockKind block_kind_ = BlockKind::kParagraph;
  uint32_t cursor_ = 0;
  uint32_t window_end_ = 0;
};

void Walker::OnText(cmark_node* node) {
  const char* literal_c = cmark_node_get_literal(node);
  std::string_view literal = literal_c ? literal_c : "";
  if (literal.empty()) return;
  std::vector<ProseOp> ops;
  uint32_t used = 0;
  AlignOptions options;
  options.markdown = true;
  size_t end = window_end_;
  auto try_at = [&](size_t p) {
    if (p < cursor_ || p >= end) return false;
    return AlignRun(text_.substr(p, end - p), static_cast<uint32_t>(p), literal, options, &ops,
                    &used);
  };
  size_t found = std::string_view::npos;
  size_t hint = OffsetOf(cmark_node_get_start_line(node), cmark_node_get_start_column(node));
  if (hint != std::string_view::npos && try_at(hint)) found = hint;
  const char first = literal.front();
  // In the block's lines first; then past them, for the positions cmark
  // gets wrong by a line (a table header right under a paragraph line).
  for (size_t bound : {static_cast<size_t>(window_end_), text_.size()}) {
    end = bound;
    size_t limit = std::min<size_t>(end, static_cast<size_t>(cursor_) + kMaxSearch);
    for (size_t p = cursor_; found == std::string_view::npos && p < limit; ++p) {
      char c = text_[p];
      if ((c == first || c == '&' || c == '\\' || c == '\0') && try_at(p)) found = p;
    }
    if (found != std::string_view::npos) break;
  }
  if (found == std::string_view::npos) {
    // Not found where it should be: keep the words, mapped to the cursor.
    ++document_.inexact_runs;
    drafts_[current_].Add({ProseOp::kReplace, cursor_, 0, std::string(literal)});
    return;
  }
  for (ProseOp& op : ops) drafts_[current_].Add(std::move(op));
  cursor_ = static_cast<uint32_t>(found + used);
  window_end_ = std::max(window_end_, static_cast<uint32_t>(EndOfLineAt(cursor_)));
}

// A soft break is the line ending as written; a hard one (two spaces or a
// backslash before it) ends the block, as <br> does in HTML.
void Walker::OnBreak(bool hard) {
  size_t end = text_.find_first_of("\r\n", cursor_);
  if (end == std::string_view::npos || end >= window_end_) {
    if (!hard) drafts_[current_].Add({ProseOp::kInsert, cursor_, 0, "\n"});
  } else {
    size_t length = text_[end] == '\r' && end + 1 < text_.size() && text_[end + 1] == '\n' ? 2 : 1;
    if (!hard) {
      drafts_[current_].Add({ProseOp::kCopy, static_cast<uint32_t>(end),
                             static_cast<uint32_t>(length), {}});
    }
    cursor_ = static_cast<uint32_t>(end + length);
  }
  if (hard) StartDraft(block_kind_);
}

void Walker::OnCode() {
  size_t open = text_.find('`', cursor_);
  if (open == std::string_view::npos || open >= window_end_) return;
  size_t run = open;
  while (run < window_end_ && text_[run] == '`') ++run;
  size_t length = run - open;
  for (size_t i = run; i < window_end_;) {
    size_t close = text_.find('`', i);
    if (close == std::string_view::npos || close >= window_end_) break;
    size_t close_end = close;
    while (close_end < window_end_ && text_[close_end] == '`') ++close_end;
    if (close_end - close == length) {
      drafts_[current_].Add({ProseOp::kReplace, static_cast<uint32_t>(open),
                             static_cast<uint32_t>(close_end - open),
                             std::string(kObjectReplacement)});
      cursor_ = static_cast<uint32_t>(close_end);
      return;
    }
    i = close_end;
  }
}

void Walker::OnHtmlInline(cmark_node* node) {
  const char* literal_c = cmark_node_get_literal(node);
  std::string_view literal = literal_c ? literal_c : "";
  if (literal.empty()) return;
  size_t at = text_.substr(0, window_end_).find(literal, cursor_);
  if (at != std::string_view::npos) cursor_ = static_cast<uint32_t>(at + literal.size());
  std::string lower(literal.substr(0, 3));
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "<br") StartDraft(block_kind_);
}

// After "(": the destination and title of an inline link, to its ")".
void Walker::SkipBalancedDestination() {
  size_t i = cursor_ + 1;
  int depth = 1;
  char quote = 0;
  bool angle = false;
  while (i < window_end_) {
    char c = text_[i];
    if (c == '\\' && i + 1 < window_end_) {
      i += 2;
      continue;
    }
    if (quote) {
      if (c == quote) quote = 0;
    } else if (angle) {
      if (c == '>') angle = false;
    } else if (c == '<') {
      angle = true;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth == 0) {
        cursor_ = static_cast<uint32_t>(i + 1);
        return;
      }
    }
    ++i;
  }
}

// Moves the cursor past what closes a link or image: "](url "title")",
// "][ref]", "]" or the ">" of an autolink.
void Walker::SkipLinkTail(char style) {
  if (style == '<') {
    size_t close = text_.find('>', cursor_);
    if (close != std::string_view::npos && close < window_end_) {
      cursor_ = static_cast<uint32_t>(close + 1);
    }
    return;
  }
  if (style != '[') return;  // a bare autolink has no markup
  size_t i = cursor_;
  while (i < window_end_ && text_[i] != ']') i += text_[i] == '\\' ? 2 : 1;
  if (i >= window_end_) return;
  cursor_ = static_cast<uint32_t>(i + 1);
  if (cursor_ >= window_end_) return;
  if (text_[cursor_] == '(') {
    SkipBalancedDestination();
  } else if (text_[cursor_] == '[') {
    size_t close = text_.find(']', cursor_);
    if (close != std::string_view::npos && close < window_end_) {
      cursor_ = static_cast<uint32_t>(close + 1);
    }
  }
}

void Walker::Walk(cmark_node* root) {
  std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(root));
  std::vector<Kind> containers;
  struct LinkFrame {
    char style;
    bool image;
    std::string href;
    DraftPosition begin;
    BlockKind resume;
  };
  std::vector<LinkFrame> frames;
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    Kind kind = KindOf(node);
    const bool enter = event == CMARK_EVENT_ENTER;
    switch (kind) {
      case Kind::kBlockQuote:
      case Kind::kItem:
      case Kind::kFootnoteDefinition:
        if (enter) {
          containers.push_back(kind);
        } else if (!containers.empty()) {
          containers.pop_back();
        }
        break;
      case Kind::kParagraph:
      case Kind::kHeading:
      case Kind::kTableCell:
        if (!enter) {
          in_block_ = false;
          frames.clear();
          break;
        }
        block_kind_ = kind == Kind::kHeading     ? BlockKind::kHeading
                      : kind == Kind::kTableCell ? BlockKind::kTableCell
                                                 : BlockKind::kParagraph;
        if (kind == Kind::kParagraph && !containers.empty()) {
          Kind container = containers.back();
          block_kind_ = container == Kind::kItem         ? BlockKind::kListItem
                        : container == Kind::kBlockQuote ? BlockKind::kQuote
                                                         : BlockKind::kFootnote;
        }
        {
          size_t start = OffsetOf(cmark_node_get_start_line(node),
                                  cmark_node_get_start_column(node));
          cursor_ = start == std::string_view::npos ? 0 : static_cast<uint32_t>(start);
          window_end_ = static_cast<uint32_t>(EndOfLine(cmark_node_get_end_line(node)));
          if (window_end_ < cursor_) window_end_ = static_cast<uint32_t>(text_.size());
        }
        in_block_ = true;
        StartDraft(block_kind_);
        break;
      default:
        break;
    }
    if (!in_block_) continue;
    // Leaf inlines come once (some, as footnote references, twice: enter
    // and exit); links and images act on both.
    if (!enter && kind != Kind::kLink && kind != Kind::kImage) continue;
    switch (kind) {
      case Kind::kText: OnText(node); break;
      case Kind::kSoftBreak: OnBreak(false); break;
      case Kind::kLineBreak: OnBreak(true); break;
      case Kind::kCode: OnCode(); break;
      case Kind::kHtmlInline: OnHtmlInline(node); break;
      case Kind::kFootnoteReference: {
        size_t open = text_.find("[^", cursor_);
        if (open != std::string_view::npos && open < window_end_) {
          size_t close = text_.find(']', open);
          if (close != std::string_view::npos && close < window_end_) {
            cursor_ = static_cast<uint32_t>(close + 1);
          }
        }
        const char* label = cmark_node_get_literal(node);
        links_.push_back({LinkKind::kFootnote, std::string("#fn-") + (label ? label : ""),
                          Here(), Here()});
        break;
      }
      case Kind::kLink:
      case Kind::kImage: {
        if (enter) {
          size_t i = cursor_;
          while (i < window_end_ && (text_[i] == '*' || text_[i] == '_' || text_[i] == '~')) ++i;
          char style = i < window_end_ && (text_[i] == '[' || text_[i] == '!') ? '['
                       : i < window_end_ && text_[i] == '<'                    ? '<'
                                                                              : ' ';
          const char* url = cmark_node_get_url(node);
          BlockKind resume = block_kind_;
          if (kind == Kind::kImage) {
            StartDraft(BlockKind::kAltText);
            block_kind_ = BlockKind::kAltText;
          }
          frames.push_back({style, kind == Kind::kImage, url ? url : "", Here(), resume});
        } else if (!frames.empty()) {
          LinkFrame frame = std::move(frames.back());
          frames.pop_back();
          DraftPosition end = Here();
          SkipLinkTail(frame.style);
          if (frame.image) {
            block_kind_ = frame.resume;
            StartDraft(block_kind_);
          } else {
            links_.push_back({LinkKind::kHref, std::move(frame.href), frame.begin, end});
          }
        }
        break;
      }
      default:
        break;
    }
  }
}

void Walker::Emit(const Decoded& decoded) {
  std::vector<size_t> order;
  for (size_t i = 0; i < drafts_.size(); ++i) {
    if (!drafts_[i].ops.empty()) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return drafts_[a].SourceStart() < drafts_[b].SourceStart();
  });
  ProseBuilder builder(decoded.text);
  for (size_t index : order) {
    Draft& draft = drafts_[index];
    if (builder.prose_size() > 0) builder.Insert("\n");
    draft.base = builder.prose_size();
    for (const ProseOp& op : draft.ops) builder.Apply(op);
    uint32_t end = builder.prose_size();
    std::string_view block = std::string_view(builder.prose()).substr(draft.base);
    if (block.find_first_not_of(" \t\r\n") == std::string_view::npos) continue;
    document_.blocks.push_back({draft.kind, {draft.base, end}});
  }
  for (PendingLink& link : links_) {
    auto absolute = [&](DraftPosition at) {
      const Draft& draft = drafts_[at.draft];
      return draft.base + std::min(at.offset, draft.prose_size);
    };
    uint32_t begin = absolute(link.begin);
    uint32_t end = std::max(begin, absolute(link.end));
    document_.links.push_back({link.kind, std::move(link.href), {begin, end}});
  }
  builder.Finish(decoded, document_);
}

}  // namespace

void ExtractMarkdown(const Decoded& decoded, Document& document) {
  std::string_view text = decoded.text;
  FrontMatter front = ParseFrontMatter(text);
  // cmark reads a copy with the front matter blanked (same lines, same
  // offsets), so its "---" is neither a rule nor a setext heading.
  std::string blanked;
  std::string_view parse_text = text;
  if (front.end > 0) {
    blanked.assign(text);
    for (uint32_t i = 0; i < front.end; ++i) {
      if (!IsLineEnd(blanked[i])) blanked[i] = ' ';
    }
    parse_text = blanked;
  }
  std::unique_ptr<cmark_parser, ParserDeleter> parser(
      cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES));
  for (const char* name : {"table", "strikethrough", "autolink"}) {
    if (cmark_syntax_extension* extension = Extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
  }
  cmark_parser_feed(parser.get(), parse_text.data(), parse_text.size());
  std::unique_ptr<cmark_node, NodeDeleter> root(cmark_parser_finish(parser.get()));
  Walker walker(text, document);
  walker.AddFrontMatter(front);
  if (root) walker.Walk(root.get());
  // cmark's tree is the bulk of the memory (~40 bytes per source byte):
  // free it before the prose is built.
  root.reset();
  parser.reset();
  walker.Emit(decoded);
}

}  // namespace claimlint::input
