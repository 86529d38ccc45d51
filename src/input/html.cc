// HTML with gumbo (HTML5 parsing, as browsers do it). gumbo keeps, for each
// text node and attribute, a pointer to the bytes it came from
// (original_text, original_value) next to what it decoded; aligning the two
// (AlignRun) gives each prose byte its exact source bytes. The tree is
// walked with an explicit stack, and text runs are sorted back into source
// order before the prose is built, because HTML parsing moves text around
// (foster parenting out of tables, reconstructed formatting elements).
//
// gumbo 0.10 (Debian's) has no depth limit: its scope checks walk the stack
// of open elements, so 50,000 nested <div>s cost seconds (quadratic), and it
// frees the tree recursively. A cheap pre-pass therefore neutralizes the
// tags nested deeper than kMaxDepth before gumbo sees them, as browsers cap
// DOM depth too: a block tag becomes "<br   >", any other "<?   >" (a bogus
// comment), both the same length, so no offset moves and no text appears.

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "input/extract.h"
#include "input/prose.h"

namespace claimlint::input {

namespace {

constexpr size_t kMaxDepth = 256;
constexpr std::string_view kObjectReplacement = "\xEF\xBF\xBC";

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool InList(std::string_view name, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

bool IsVoid(std::string_view name) {
  return InList(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                       "param", "source", "track", "wbr", "keygen", "basefont", "bgsound",
                       "frame", "image", "isindex", "spacer", "menuitem"});
}

// Elements the parser closes by itself (a <p> ends the open <p>), which
// cannot nest deeply without a counted element between.
bool IsSelfLimiting(std::string_view name) {
  return InList(name, {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody",
                       "thead", "tfoot", "rb", "rp", "rt", "rtc", "colgroup", "caption", "html",
                       "head", "body"});
}

bool IsRawText(std::string_view name) {
  return InList(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                       "noframes", "noscript", "plaintext"});
}

bool IsBlockName(std::string_view name) {
  return InList(name, {"div", "p", "section", "article", "aside", "nav", "header", "footer", "main",
                       "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td", "th",
                       "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "form",
                       "fieldset", "address", "details", "summary", "center", "pre"});
}

// Where a case-insensitive "</name" starts at or after `from`, or npos.
size_t FindEndTag(std::string_view text, size_t from, std::string_view name) {
  for (size_t i = text.find("</", from); i != std::string_view::npos; i = text.find("</", i + 2)) {
    if (i + 2 + name.size() > text.size()) return std::string_view::npos;
    bool equal = true;
    for (size_t j = 0; j < name.size() && equal; ++j) equal = Lower(text[i + 2 + j]) == name[j];
    if (equal) return i;
  }
  return std::string_view::npos;
}

// End of the tag whose attributes start at `i` (after its '>'), quotes
// respected; text.size() when it never closes.
size_t TagEnd(std::string_view text, size_t i, bool* self_closing) {
  char quote = 0;
  bool after_equals = false;  // a quote opens a value only after '='
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '>') {
      *self_closing = i > 0 && text[i - 1] == '/';
      return i + 1;
    } else if ((c == '"' || c == '\'') && after_equals) {
      quote = c;
      after_equals = false;
    } else if (c == '=') {
      after_equals = true;
    } else if (!IsHtmlSpace(c)) {
      after_equals = false;
    }
  }
  *self_closing = false;
  return text.size();
}

struct Neutralized {
  uint32_t begin, end;
  bool block;
};

// The tags nested deeper than kMaxDepth, found with a tokenizer that is
// rough (no foreign-content or form rules) but linear and never deeper than
// gumbo's real nesting by much. Their end tags go with them.
std::vector<Neutralized> FindTooDeepTags(std::string_view text) {
  std::vector<Neutralized> out;
  std::vector<std::string> stack;
  std::unordered_map<std::string, size_t> neutralized_open;
  size_t foreign = 0;  // svg/math on the stack: "/>" closes there
  size_t i = 0;
  while ((i = text.find('<', i)) != std::string_view::npos) {
    if (text.substr(i, 4) == "<!--") {
      size_t end = text.find("-->", i + 4);
      i = end == std::string_view::npos ? text.size() : end + 3;
      continue;
    }
    if (i + 1 >= text.size()) break;
    char next = text[i + 1];
    if (next == '!' || next == '?') {
      size_t end = text.find('>', i);
      i = end == std::string_view::npos ? text.size() : end + 1;
      continue;
    }
    bool is_end = next == '/';
    size_t name_begin = i + (is_end ? 2 : 1);
    if (name_begin >= text.size() || !IsAsciiAlpha(text[name_begin])) {
      ++i;
      continue;
    }
    size_t name_end = name_begin;
    std::string name;
    while (name_end < text.size() && !IsHtmlSpace(text[name_end]) && text[name_end] != '>' &&
           text[name_end] != '/') {
      name.push_back(Lower(text[name_end++]));
    }
    bool self_closing = false;
    size_t end = TagEnd(text, name_end, &self_closing);
    uint32_t b = static_cast<uint32_t>(i), e = static_cast<uint32_t>(end);
    i = end;
    if (is_end) {
      auto it = std::find(stack.rbegin(), stack.rend(), name);
      if (it != stack.rend()) {
        size_t keep = static_cast<size_t>(stack.rend() - it) - 1;
        for (size_t k = keep; k < stack.size(); ++k) {
          if (stack[k] == "svg" || stack[k] == "math") --foreign;
        }
        stack.resize(keep);
      } else if (auto open = neutralized_open.find(name);
                 open != neutralized_open.end() && open->second > 0) {
        --open->second;
        out.push_back({b, e, IsBlockName(name)});
      }
      continue;
    }
    if (IsRawText(name)) {
      size_t close = FindEndTag(text, i, name);
      i = close == std::string_view::npos ? text.size() : close;
      continue;
    }
    if (IsVoid(name) || IsSelfLimiting(name) || (self_closing && foreign > 0)) continue;
    if (stack.size() >= kMaxDepth) {
      ++neutralized_open[name];
      out.push_back({b, e, IsBlockName(name)});
      continue;
    }
    if (name == "svg" || name == "math") ++foreign;
    stack.push_back(std::move(name));
  }
  return out;
}

// A piece of prose in the making: a text node, an attribute value or a
// placeholder, with the text bytes it covers and its logical block.
struct Run {
  uint32_t begin, end;
  uint32_t block;  // logical block id
  BlockKind kind;
  int32_t link;    // index into Walker::links_, or -1
  uint32_t ops_begin, ops_end;
  bool blank;      // white space only
};

struct PendingLink {
  std::string href;
  uint32_t source;  // where the <a> starts: places a link with no text
};

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\f") == std::string_view::npos;
}

const GumboAttribute* Attribute(const GumboElement& element, const char* name) {
  return gumbo_get_attribute(&element.attributes, name);
}

bool AttributeIs(const GumboElement& element, const char* name, std::string_view value) {
  const GumboAttribute* attribute = Attribute(element, name);
  if (attribute == nullptr || attribute->value == nullptr) return false;
  std::string_view actual = attribute->value;
  if (actual.size() != value.size()) return false;
  for (size_t i = 0; i < actual.size(); ++i) {
    if (Lower(actual[i]) != value[i]) return false;
  }
  return true;
}

// What an element does to prose.
enum class Role {
  kInline,  // its text joins the block around it (<b>, <a>, <span>)
  kBlock,   // a block of its own; the text after it starts a new one
  kBreak,   // ends the block (<br>, <hr>)
  kSkip,    // not prose at all (<script>, <svg>, hidden)
  kCode,    // not prose, but a placeholder keeps the words around it apart
  kPre,     // not prose, and ends the block
  kTitle,   // <title>
  kMeta,    // <meta>: maybe a description
};

Role RoleOf(const GumboNode* node) {
  const GumboElement& element = node->v.element;
  if (node->type == GUMBO_NODE_TEMPLATE) return Role::kSkip;
  if (element.tag_namespace != GUMBO_NAMESPACE_HTML) return Role::kSkip;
  if (Attribute(element, "hidden") != nullptr) return Role::kSkip;
  switch (element.tag) {
    case GUMBO_TAG_TITLE: return Role::kTitle;
    case GUMBO_TAG_META: return Role::kMeta;
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_DATALIST: case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_APPLET:
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_LINK: case GUMBO_TAG_BASE: case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
      return Role::kSkip;
    case GUMBO_TAG_PRE: case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_LISTING:
      return Role::kPre;
    case GUMBO_TAG_CODE: case GUMBO_TAG_KBD: case GUMBO_TAG_SAMP: case GUMBO_TAG_TT:
      return Role::kCode;
    case GUMBO_TAG_BR: case GUMBO_TAG_HR:
      return Role::kBreak;
    case GUMBO_TAG_HTML: case GUMBO_TAG_HEAD: case GUMBO_TAG_BODY: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_P: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_OL:
    case GUMBO_TAG_UL: case GUMBO_TAG_LI: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_DIV: case GUMBO_TAG_TABLE: case GUMBO_TAG_CAPTION: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_MENU: case GUMBO_TAG_DIR:
    case GUMBO_TAG_CENTER:
      return Role::kBlock;
    default:
      return Role::kInline;
  }
}

BlockKind KindFor(GumboTag tag, BlockKind enclosing) {
  switch (tag) {
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
      return BlockKind::kHeading;
    case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
      return BlockKind::kListItem;
    case GUMBO_TAG_BLOCKQUOTE:
      return BlockKind::kQuote;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH:
      return BlockKind::kTableCell;
    default:
      // A <p> in a list item, quote or cell is part of it.
      return enclosing == BlockKind::kListItem || enclosing == BlockKind::kQuote ||
                     enclosing == BlockKind::kTableCell
                 ? enclosing
                 : BlockKind::kParagraph;
  }
}

class Walker {
 public:
  Walker(std::string_view parse_text, Document& document)
      : text_(parse_text), document_(document) {}

  void Walk(GumboNode* root);
  void Emit(const Decoded& decoded);

 private:
  struct Frame {
    GumboNode* node;
    bool exit;
    Role role;
    bool pushed_link;
  };

  bool Points(const char* p) const {
    return p != nullptr && p >= text_.data() && p <= text_.data() + text_.size();
  }
  uint32_t OffsetOf(const char* p) const { return static_cast<uint32_t>(p - text_.data()); }
  uint32_t NewBlock() { return ++last_block_; }
  BlockKind Kind() const { return kinds_.back(); }
  int32_t Link() const { return link_stack_.empty() ? -1 : link_stack_.back(); }

  void OnText(const GumboNode* node);
  void OnElement(GumboNode* node, std::vector<Frame>& stack);
  void OnExit(const Frame& frame);
  void AddRun(std::string_view raw, std::string_view decoded, uint32_t block, BlockKind kind,
              bool blank);
  void AddAttributeRun(const GumboAttribute* attribute, BlockKind kind);
  void AddPlaceholder(const GumboElement& element);

  std::string_view text_;
  Document& document_;
  std::vector<Run> runs_;
  std::vector<ProseOp> ops_;
  std::vector<PendingLink> links_;
  std::vector<int32_t> link_stack_;
  std::vector<BlockKind> kinds_{BlockKind::kParagraph};
  uint32_t block_ = 0;
  uint32_t last_block_ = 0;
};

void Walker::AddRun(std::string_view raw, std::string_view decoded, uint32_t block,
                    BlockKind kind, bool blank) {
  if (!Points(raw.data()) || decoded.empty()) return;
  uint32_t begin = OffsetOf(raw.data());
  raw = raw.substr(0, text_.size() - begin);
  uint32_t ops_begin = static_cast<uint32_t>(ops_.size());
  uint32_t used = 0;
  AlignOptions options;
  options.html = true;
  if (!AlignRun(raw, begin, decoded, options, &ops_, &used)) {
    // A reading we do not model: keep the words, as one piece of the run.
    ++document_.inexact_runs;
    used = static_cast<uint32_t>(raw.size());
    ops_.push_back({ProseOp::kReplace, begin, used, std::string(decoded)});
  }
  runs_.push_back({begin, begin + used, block, kind, Link(), ops_begin,
                   static_cast<uint32_t>(ops_.size()), blank});
}

void Walker::AddAttributeRun(const GumboAttribute* attribute, BlockKind kind) {
  if (attribute == nullptr || attribute->value == nullptr) return;
  std::string_view raw(attribute->original_value.data, attribute->original_value.length);
  if (raw.size() >= 2 && (raw.front() == '"' || raw.front() == '\'') && raw.back() == raw.front()) {
    raw = raw.substr(1, raw.size() - 2);
  }
  std::string_view value = attribute->value;
  if (IsBlank(value)) return;
  AddRun(raw, value, NewBlock(), kind, false);
}

// Inline code: not prose, but it keeps the words around it apart.
void Walker::AddPlaceholder(const GumboElement& element) {
  if (!Points(element.original_tag.data) || element.original_tag.length == 0) return;
  uint32_t begin = OffsetOf(element.original_tag.data);
  uint32_t end = begin + static_cast<uint32_t>(element.original_tag.length);
  if (Points(element.original_end_tag.data) && element.original_end_tag.length > 0 &&
      OffsetOf(element.original_end_tag.data) >= end) {
    end = OffsetOf(element.original_end_tag.data) +
          static_cast<uint32_t>(element.original_end_tag.length);
  }
  end = std::min<uint32_t>(end, static_cast<uint32_t>(text_.size()));
  uint32_t ops_begin = static_cast<uint32_t>(ops_.size());
  ops_.push_back({ProseOp::kReplace, begin, end - begin, std::string(kObjectReplacement)});
  runs_.push_back({begin, end, block_, Kind(), Link(), ops_begin,
                   static_cast<uint32_t>(ops_.size()), false});
}

void Walker::OnText(const GumboNode* node) {
  const GumboText& text = node->v.text;
  if (text.text == nullptr) return;
  std::string_view decoded = text.text;
  bool blank = node->type == GUMBO_NODE_WHITESPACE || IsBlank(decoded);
  AddRun(std::string_view(text.original_text.data, text.original_text.length), decoded, block_,
         Kind(), blank);
}

void Walker::OnElement(GumboNode* node, std::vector<Frame>& stack) {
  const GumboElement& element = node->v.element;
  Role role = RoleOf(node);
  switch (role) {
    case Role::kSkip:
      return;
    case Role::kMeta: {
      const char* keys[] = {"name", "property"};
      for (const char* key : keys) {
        if (AttributeIs(element, key, "description") ||
            AttributeIs(element, key, "og:description")) {
          AddAttributeRun(Attribute(element, "content"), BlockKind::kMetaDescription);
          return;
        }
      }
      return;
    }
    case Role::kBreak:
      block_ = NewBlock();
      return;
    case Role::kPre:
      block_ = NewBlock();
      return;
    case Role::kCode:
      AddPlaceholder(element);
      return;
    case Role::kTitle:
      block_ = NewBlock();
      kinds_.push_back(BlockKind::kTitle);
      break;
    case Role::kBlock:
      block_ = NewBlock();
      kinds_.push_back(KindFor(element.tag, Kind()));
      break;
    case Role::kInline:
      break;
  }
  // Attributes that are prose: alt text and tooltips, each a block.
  if (element.tag == GUMBO_TAG_IMG || element.tag == GUMBO_TAG_AREA ||
      (element.tag == GUMBO_TAG_INPUT && AttributeIs(element, "type", "image"))) {
    AddAttributeRun(Attribute(element, "alt"), BlockKind::kAltText);
  }
  if (element.tag != GUMBO_TAG_TITLE) {
    AddAttributeRun(Attribute(element, "title"), BlockKind::kTitleAttribute);
  }
  bool pushed_link = false;
  if (element.tag == GUMBO_TAG_A) {
    const GumboAttribute* href = Attribute(element, "href");
    if (href != nullptr && href->value != nullptr) {
      uint32_t source = Points(element.original_tag.data) ? OffsetOf(element.original_tag.data)
                        : runs_.empty()                   ? 0
                                                          : runs_.back().end;
      links_.push_back({href->value, source});
      link_stack_.push_back(static_cast<int32_t>(links_.size() - 1));
      pushed_link = true;
    }
  }
  stack.push_back({node, true, role, pushed_link});
  const GumboVector& children = element.children;
  for (unsigned i = children.length; i > 0; --i) {
    stack.push_back({static_cast<GumboNode*>(children.data[i - 1]), false, Role::kInline, false});
  }
}

void Walker::OnExit(const Frame& frame) {
  if (frame.pushed_link && !link_stack_.empty()) link_stack_.pop_back();
  if (frame.role == Role::kBlock || frame.role == Role::kTitle) {
    if (kinds_.size() > 1) kinds_.pop_back();
    block_ = NewBlock();
  }
}

void Walker::Walk(GumboNode* root) {
  // An explicit stack: the tree can be as deep as the page is long.
  std::vector<Frame> stack;
  stack.push_back({root, false, Role::kInline, false});
  while (!stack.empty()) {
    Frame frame = stack.back();
    stack.pop_back();
    if (frame.exit) {
      OnExit(frame);
      continue;
    }
    GumboNode* node = frame.node;
    switch (node->type) {
      case GUMBO_NODE_DOCUMENT: {
        const GumboVector& children = node->v.document.children;
        for (unsigned i = children.length; i > 0; --i) {
          stack.push_back(
              {static_cast<GumboNode*>(children.data[i - 1]), false, Role::kInline, false});
        }
        break;
      }
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        OnElement(node, stack);
        break;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
        OnText(node);
        break;
      default:  // comments, CDATA (foreign content only)
        break;
    }
  }
}

void Walker::Emit(const Decoded& decoded) {
  std::vector<uint32_t> order(runs_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return runs_[a].begin < runs_[b].begin; });
  // Drop what overlaps a run already placed (a cloned element's attributes).
  std::vector<uint32_t> kept;
  kept.reserve(order.size());
  uint32_t last_end = 0;
  for (uint32_t index : order) {
    const Run& run = runs_[index];
    if (!kept.empty() && run.begin < last_end) continue;
    kept.push_back(index);
    last_end = std::max(last_end, run.end);
  }
  ProseBuilder builder(text_);
  std::vector<Span> run_prose(runs_.size());
  std::vector<bool> placed(runs_.size(), false);
  for (size_t g = 0; g < kept.size();) {
    size_t h = g;
    bool blank = true;
    while (h < kept.size() && runs_[kept[h]].block == runs_[kept[g]].block) {
      blank = blank && runs_[kept[h]].blank;
      ++h;
    }
    if (!blank) {
      if (builder.prose_size() > 0) builder.Insert("\n");
      uint32_t block_begin = builder.prose_size();
      for (size_t r = g; r < h; ++r) {
        const Run& run = runs_[kept[r]];
        uint32_t before = builder.prose_size();
        for (uint32_t op = run.ops_begin; op < run.ops_end; ++op) builder.Apply(ops_[op]);
        run_prose[kept[r]] = {before, builder.prose_size()};
        placed[kept[r]] = true;
      }
      document_.blocks.push_back({runs_[kept[g]].kind, {block_begin, builder.prose_size()}});
    }
    g = h;
  }
  // A link spans the prose of its runs; one with none sits where it starts.
  std::vector<Span> link_prose(links_.size(), Span{UINT32_MAX, 0});
  for (uint32_t r = 0; r < runs_.size(); ++r) {
    if (!placed[r] || runs_[r].link < 0 || runs_[r].blank) continue;
    Span& span = link_prose[static_cast<size_t>(runs_[r].link)];
    span.begin = std::min(span.begin, run_prose[r].begin);
    span.end = std::max(span.end, run_prose[r].end);
  }
  for (size_t l = 0; l < links_.size(); ++l) {
    Span span = link_prose[l];
    if (span.begin == UINT32_MAX) {
      auto next = std::lower_bound(
          kept.begin(), kept.end(), links_[l].source,
          [&](uint32_t r, uint32_t source) { return runs_[r].begin < source; });
      uint32_t at = builder.prose_size();
      for (; next != kept.end(); ++next) {
        if (placed[*next]) {
          at = run_prose[*next].begin;
          break;
        }
      }
      span = {at, at};
    }
    document_.links.push_back({LinkKind::kHref, std::move(links_[l].href), span});
  }
  builder.Finish(decoded, document_);
}

}  // namespace

void ExtractHtml(const Decoded& decoded, Document& document) {
  std::string_view text = decoded.text;
  std::string neutralized;
  std::vector<Neutralized> deep = FindTooDeepTags(text);
  if (!deep.empty()) {
    neutralized.assign(text);
    for (const Neutralized& tag : deep) {
      // Every tag spans at least "<x>"; one that never closes runs to the end.
      if (tag.end - tag.begin < 3 || neutralized[tag.end - 1] != '>') continue;
      std::fill(neutralized.begin() + tag.begin, neutralized.begin() + tag.end, ' ');
      bool as_break = tag.block && tag.end - tag.begin >= 4;
      neutralized.replace(tag.begin, as_break ? 3 : 2, as_break ? "<br" : "<?");
      neutralized[tag.end - 1] = '>';
    }
    text = neutralized;
    Position at = LineIndex(decoded.text).At(deep.front().begin);
    document.warnings.push_back(
        {"CL107",
         document.source->path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column),
         "HTML nested deeper than " + std::to_string(kMaxDepth) + " elements; " +
             std::to_string(deep.size()) +
             " deeper tag(s) were read as line breaks; the file was scanned",
         false});
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not findings; do not keep them
  GumboOutput* output = gumbo_parse_with_options(&options, text.data(), text.size());
  Walker walker(text, document);
  if (output != nullptr) {
    walker.Walk(output->document);
    gumbo_destroy_output(&options, output);
  }
  walker.Emit(decoded);
}

}  // namespace claimlint::input
