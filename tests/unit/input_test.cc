// The input stage: what each format makes prose of, and that every prose
// span maps back to exactly the bytes the author wrote (entities, escapes,
// inline markup, encodings). See: issue 5.

#include "input/input.h"

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace claimlint::input {
namespace {

struct Extracted {
  Source source;
  Document document;
};

// Extract() keeps a pointer to the Source, so both live together.
std::unique_ptr<Extracted> Read(Format format, std::string bytes) {
  auto out = std::make_unique<Extracted>();
  out->source = {"t", std::move(bytes)};
  auto document = Extract(out->source, format);
  EXPECT_TRUE(document.ok());
  if (document.ok()) out->document = std::move(document.value());
  EXPECT_EQ(out->document.inexact_runs, 0u);
  return out;
}

struct BlockText {
  BlockKind kind;
  std::string prose;
  std::string source;
  friend bool operator==(const BlockText&, const BlockText&) = default;
  friend std::ostream& operator<<(std::ostream& os, const BlockText& b) {
    return os << BlockKindName(b.kind) << " [" << b.prose << "] <- [" << b.source << "]";
  }
};

std::vector<BlockText> Blocks(const Extracted& e) {
  std::vector<BlockText> out;
  for (const Block& block : e.document.blocks) {
    out.push_back({block.kind, std::string(Slice(e.document.prose, block.prose)),
                   std::string(Slice(e.source.bytes, e.document.ToSource(block.prose)))});
  }
  return out;
}

// The source bytes of the first occurrence of `words` in the prose.
std::string SourceOf(const Extracted& e, std::string_view words) {
  size_t at = e.document.prose.find(words);
  if (at == std::string::npos) return "<not in prose: " + std::string(words) + ">";
  Span prose{static_cast<uint32_t>(at), static_cast<uint32_t>(at + words.size())};
  return std::string(Slice(e.source.bytes, e.document.ToSource(prose)));
}

bool InProse(const Extracted& e, std::string_view words) {
  return e.document.prose.find(words) != std::string::npos;
}

TEST(FormatForPath, ExtensionsAndWalking) {
  EXPECT_EQ(FormatForPath("a/b.MD"), Format::kMarkdown);
  EXPECT_EQ(FormatForPath("a.markdown"), Format::kMarkdown);
  EXPECT_EQ(FormatForPath("x.htm"), Format::kHtml);
  EXPECT_EQ(FormatForPath("x.html"), Format::kHtml);
  EXPECT_EQ(FormatForPath("dir.md/notes"), Format::kText);
  for (const char* path : {"a.txt", "a.md", "a.markdown", "a.html", "a.HTM"}) {
    EXPECT_TRUE(IsScannableExtension(path)) << path;
  }
  EXPECT_FALSE(IsScannableExtension("a.css"));
  EXPECT_FALSE(IsScannableExtension("a.json"));
  EXPECT_EQ(ParseFormat("markdown"), Format::kMarkdown);
  EXPECT_EQ(ParseFormat("html"), Format::kHtml);
  EXPECT_EQ(ParseFormat("text"), Format::kText);
  EXPECT_EQ(ParseFormat("pdf"), std::nullopt);
}

// --- Plain text ------------------------------------------------------------

TEST(Text, ParagraphsSplitOnBlankLinesWithLfCrlfAndCr) {
  for (std::string eol : {"\n", "\r\n", "\r"}) {
    auto e = Read(Format::kText, "One" + eol + "two" + eol + eol + "Three" + eol);
    ASSERT_EQ(e->document.blocks.size(), 2u) << "eol size " << eol.size();
    EXPECT_EQ(Blocks(*e)[0].source, "One" + eol + "two");
    EXPECT_EQ(Blocks(*e)[1].source, "Three");
  }
}

// --- Markdown ---------------------------------------------------------------

TEST(Markdown, BlocksOfEveryKindWithExactSources) {
  auto e = Read(Format::kMarkdown,
                "# Head *x* &amp; y\n"
                "\n"
                "> quote with [link](http://a \"title words\") t\n"
                "lazy line\\* &rsquo;s\n"
                "\n"
                "- item one\n"
                "  cont **b**\n"
                "\n"
                "| a | b \\| c |\n"
                "|---|---|\n"
                "| x &amp; | ![alt *t*](i.png) |\n"
                "\n"
                "Setext\n"
                "======\n");
  std::vector<BlockText> expected = {
      {BlockKind::kHeading, "Head x & y", "Head *x* &amp; y"},
      {BlockKind::kQuote, "quote with link t\nlazy line* \xE2\x80\x99s",
       "quote with [link](http://a \"title words\") t\nlazy line\\* &rsquo;s"},
      {BlockKind::kListItem, "item one\ncont b", "item one\n  cont **b"},
      {BlockKind::kTableCell, "a", "a"},
      {BlockKind::kTableCell, "b | c", "b \\| c"},
      {BlockKind::kTableCell, "x &", "x &amp;"},
      {BlockKind::kAltText, "alt t", "alt *t"},
      {BlockKind::kHeading, "Setext", "Setext"},
  };
  EXPECT_EQ(Blocks(*e), expected);
  EXPECT_EQ(SourceOf(*e, "\xE2\x80\x99"), "&rsquo;");
  EXPECT_EQ(SourceOf(*e, "*"), "\\*");
  EXPECT_FALSE(InProse(*e, "title words"));  // a link title is not prose
  ASSERT_EQ(e->document.links.size(), 1u);
  EXPECT_EQ(e->document.links[0].href, "http://a");
  EXPECT_EQ(Slice(e->document.prose, e->document.links[0].prose), "link");
}

TEST(Markdown, CodeHtmlAndFrontMatterAreNotProse) {
  auto e = Read(Format::kMarkdown,
                "---\n"
                "title: \"Oil that cures\"\n"
                "author: Someone Else\n"
                "description: >\n"
                "  Clinically proven\n"
                "  relief.\n"
                "---\n"
                "Use `cures cancer` here.\n"
                "\n"
                "```\ncures cancer\n```\n"
                "\n"
                "    indented cures cancer\n"
                "\n"
                "<div>\nblock cures cancer\n</div>\n"
                "\n"
                "Inline <span>html</span> <!-- cures cancer --> end.\n");
  std::vector<BlockText> expected = {
      {BlockKind::kTitle, "Oil that cures", "Oil that cures"},
      {BlockKind::kMetaDescription, "Clinically proven relief.", "Clinically proven\n  relief."},
      {BlockKind::kParagraph, "Use \xEF\xBF\xBC here.", "Use `cures cancer` here."},
      {BlockKind::kParagraph, "Inline html  end.",
       "Inline <span>html</span> <!-- cures cancer --> end."},
  };
  EXPECT_EQ(Blocks(*e), expected);
  EXPECT_FALSE(InProse(*e, "Someone"));
}

TEST(Markdown, TomlFrontMatter) {
  auto e = Read(Format::kMarkdown,
                "+++\ntitle = 'Calm'\ndescription = \"It \\\"works\\\"\"\n+++\nBody.\n");
  std::vector<BlockText> expected = {
      {BlockKind::kTitle, "Calm", "Calm"},
      {BlockKind::kMetaDescription, "It \"works\"", "It \\\"works\\\""},
      {BlockKind::kParagraph, "Body.", "Body."},
  };
  EXPECT_EQ(Blocks(*e), expected);
}

TEST(Markdown, FootnotesAreCitationsAndDefinitionsStayInSourceOrder) {
  auto e = Read(Format::kMarkdown,
                "Massage helps[^1] a lot.\n\n[^1]: Smith 2020.\n\nAfter the note.\n");
  std::vector<BlockText> expected = {
      {BlockKind::kParagraph, "Massage helps a lot.", "Massage helps[^1] a lot."},
      {BlockKind::kFootnote, "Smith 2020.", "Smith 2020."},
      {BlockKind::kParagraph, "After the note.", "After the note."},
  };
  EXPECT_EQ(Blocks(*e), expected);
  ASSERT_EQ(e->document.links.size(), 1u);
  const Link& note = e->document.links[0];
  EXPECT_EQ(note.kind, LinkKind::kFootnote);
  EXPECT_EQ(note.href, "#fn-1");
  EXPECT_TRUE(note.prose.empty());
  EXPECT_EQ(e->document.prose.substr(0, note.prose.begin), "Massage helps");
}

TEST(Markdown, HardBreakEndsABlockSoftBreakDoesNot) {
  auto e = Read(Format::kMarkdown, "One\ntwo  \nthree\\\nfour<br>five\n");
  std::vector<BlockText> expected = {
      {BlockKind::kParagraph, "One\ntwo", "One\ntwo"},
      {BlockKind::kParagraph, "three", "three"},
      {BlockKind::kParagraph, "four", "four"},
      {BlockKind::kParagraph, "five", "five"},
  };
  EXPECT_EQ(Blocks(*e), expected);
}

TEST(Markdown, CrlfAndLazyContinuationsAndAutolinks) {
  auto e = Read(Format::kMarkdown,
                "> first\r\nlazy *second*\r\n\r\n1. item\r\n\r\n   more www.example.com and "
                "<https://x.org/a>.\r\n");
  std::vector<BlockText> expected = {
      {BlockKind::kQuote, "first\r\nlazy second", "first\r\nlazy *second"},
      {BlockKind::kListItem, "item", "item"},
      {BlockKind::kListItem, "more www.example.com and https://x.org/a.",
       "more www.example.com and <https://x.org/a>."},
  };
  EXPECT_EQ(Blocks(*e), expected);
  ASSERT_EQ(e->document.links.size(), 2u);
  EXPECT_EQ(e->document.links[0].href, "http://www.example.com");
  EXPECT_EQ(e->document.links[1].href, "https://x.org/a");
}

// --- HTML -------------------------------------------------------------------

TEST(Html, VisibleTextTitleMetaAltAndTitleAttributes) {
  auto e = Read(Format::kHtml,
                "<!DOCTYPE html><html><head><title>T &amp; U</title>"
                "<meta name=\"description\" content=\"Meta &quot;desc&quot;\">"
                "<meta property=\"og:description\" content=\"OG desc\">"
                "<meta name=\"keywords\" content=\"not prose\">"
                "<script>var s = 'cures cancer';</script><style>p{}</style></head>"
                "<body><h1>Heading</h1><p>Text <img src=a.png alt=\"Alt words\"> more "
                "<abbr title=\"Tooltip words\">TW</abbr>.</p>"
                "<noscript>no</noscript><template>tpl</template><div hidden>hid</div>"
                "<pre>pre text</pre><p>Uses <code>code</code> here</p><!-- comment -->"
                "<select><option>Opt</option></select><svg><text>svg</text></svg>"
                "<ul><li>Item <b>one</b></li></ul><blockquote><p>Quoted</p></blockquote>"
                "<table><tr><td>Cell</td></tr></table></body></html>");
  std::vector<BlockText> expected = {
      {BlockKind::kTitle, "T & U", "T &amp; U"},
      {BlockKind::kMetaDescription, "Meta \"desc\"", "Meta &quot;desc&quot;"},
      {BlockKind::kMetaDescription, "OG desc", "OG desc"},
      {BlockKind::kHeading, "Heading", "Heading"},
      {BlockKind::kParagraph, "Text ", "Text "},
      {BlockKind::kAltText, "Alt words", "Alt words"},
      {BlockKind::kParagraph, " more ", " more "},
      {BlockKind::kTitleAttribute, "Tooltip words", "Tooltip words"},
      {BlockKind::kParagraph, "TW.", "TW</abbr>."},
      {BlockKind::kParagraph, "Uses \xEF\xBF\xBC here", "Uses <code>code</code> here"},
      {BlockKind::kListItem, "Item one", "Item <b>one"},
      {BlockKind::kQuote, "Quoted", "Quoted"},
      {BlockKind::kTableCell, "Cell", "Cell"},
  };
  EXPECT_EQ(Blocks(*e), expected);
}

TEST(Html, EntitiesAndInlineTagsMapToWhatWasWritten) {
  auto e = Read(Format::kHtml,
                "<p>It cu<b>res</b> x. It cur&#101;s y. Cu&shy;res z. &rsquo;Tis &copy &notit; "
                "caf&eacute; &#x1F600; &#150;</p>");
  EXPECT_EQ(SourceOf(*e, "cures x"), "cu<b>res</b> x");
  EXPECT_EQ(SourceOf(*e, "cures y"), "cur&#101;s y");
  EXPECT_EQ(SourceOf(*e, "Cu\xC2\xADres"), "Cu&shy;res");
  EXPECT_EQ(SourceOf(*e, "\xE2\x80\x99Tis"), "&rsquo;Tis");
  EXPECT_EQ(SourceOf(*e, "\xC2\xA9"), "&copy");
  EXPECT_EQ(SourceOf(*e, "\xC2\xACit;"), "&notit;");  // the legacy "&not" prefix
  EXPECT_EQ(SourceOf(*e, "caf\xC3\xA9"), "caf&eacute;");
  EXPECT_EQ(SourceOf(*e, "\xF0\x9F\x98\x80"), "&#x1F600;");
  EXPECT_EQ(SourceOf(*e, "\xE2\x80\x93"), "&#150;");  // windows-1252 reading
  // Half an entity maps to all of it: spans never split what was written.
  size_t at = e->document.prose.find("\xE2\x80\x99");
  Span half{static_cast<uint32_t>(at + 1), static_cast<uint32_t>(at + 2)};
  EXPECT_EQ(Slice(e->source.bytes, e->document.ToSource(half)), "&rsquo;");
}

TEST(Html, BlockElementsAndBrEndBlocksInlineOnesDoNot) {
  auto e = Read(Format::kHtml,
                "<div>One <span>two</span><br>three<p>four</p>five<hr>six</div>"
                "<li>seven<div>eight</div></li>");
  std::vector<BlockText> expected = {
      {BlockKind::kParagraph, "One two", "One <span>two"},
      {BlockKind::kParagraph, "three", "three"},
      {BlockKind::kParagraph, "four", "four"},
      {BlockKind::kParagraph, "five", "five"},
      {BlockKind::kParagraph, "six", "six"},
      {BlockKind::kListItem, "seven", "seven"},
      {BlockKind::kListItem, "eight", "eight"},
  };
  EXPECT_EQ(Blocks(*e), expected);
}

TEST(Html, UnclosedAndMisnestedTagsAndFosterParenting) {
  auto e = Read(Format::kHtml,
                "<p>foo</x>bar<b>bo<i>th</b>er</i> end<table>stray<tr><td>cell</table>"
                "<p>unclosed <b>bold\n<p>next");
  std::vector<BlockText> expected = {
      // Text in a table is moved before it (foster parenting), into the
      // paragraph, as a browser shows it.
      {BlockKind::kParagraph, "foobarbother endstray",
       "foo</x>bar<b>bo<i>th</b>er</i> end<table>stray"},
      {BlockKind::kTableCell, "cell", "cell"},
      {BlockKind::kParagraph, "unclosed bold\n", "unclosed <b>bold\n"},
      {BlockKind::kParagraph, "next", "next"},
  };
  EXPECT_EQ(Blocks(*e), expected);
}

TEST(Html, CrlfAndCrInTextKeepTheirBytes) {
  auto e = Read(Format::kHtml, "<p>one\r\ntwo\rthree</p>");
  ASSERT_EQ(e->document.blocks.size(), 1u);
  EXPECT_EQ(Blocks(*e)[0].prose, "one\r\ntwo\rthree");
  EXPECT_EQ(Blocks(*e)[0].source, "one\r\ntwo\rthree");
}

TEST(Html, LinksKeepHrefAndTextSpan) {
  auto e = Read(Format::kHtml,
                "<p>See <a href=\"https://doi.org/10.1/x?a=1&amp;b=2\">the <b>study</b></a> and "
                "<a href=\"/img\"><img alt=\"chart\"></a>.</p><a name=\"x\">anchor</a>");
  ASSERT_EQ(e->document.links.size(), 2u);
  EXPECT_EQ(e->document.links[0].href, "https://doi.org/10.1/x?a=1&b=2");
  EXPECT_EQ(Slice(e->document.prose, e->document.links[0].prose), "the study");
  EXPECT_EQ(e->document.links[1].href, "/img");
  EXPECT_EQ(Slice(e->document.prose, e->document.links[1].prose), "chart");
}

TEST(Html, FiftyThousandNestedDivsAreCappedNotQuadratic) {
  std::string page = "<html><body>";
  for (int i = 0; i < 50000; ++i) page += "<div>";
  page += "It cures cancer.";
  for (int i = 0; i < 50000; ++i) page += "</div>";
  page += "<p>After.</p></body></html>";
  auto start = std::chrono::steady_clock::now();
  auto e = Read(Format::kHtml, page);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::vector<BlockText> expected = {
      {BlockKind::kParagraph, "It cures cancer.", "It cures cancer."},
      {BlockKind::kParagraph, "After.", "After."},
  };
  EXPECT_EQ(Blocks(*e), expected);
  ASSERT_EQ(e->document.warnings.size(), 1u);
  EXPECT_EQ(e->document.warnings[0].code, "CL107");
  EXPECT_LT(seconds, 20.0);  // gumbo alone takes ~6 s, quadratic, uncapped
  std::cout << "[ info ] 50,000 nested divs: " << seconds << " s\n";
}

// --- Encodings --------------------------------------------------------------

std::string Utf16(std::u16string_view text, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (char16_t unit : text) {
    char hi = static_cast<char>(unit >> 8), lo = static_cast<char>(unit & 0xFF);
    out += big_endian ? std::string{hi, lo} : std::string{lo, hi};
  }
  return out;
}

TEST(Encoding, Utf16WithBomIsTextNotBinary) {
  for (bool big_endian : {false, true}) {
    auto e = Read(Format::kText, Utf16(u"Caf\u00e9 oil \U0001F600 cures.\r\n", big_endian));
    EXPECT_EQ(e->document.encoding, big_endian ? "utf-16be" : "utf-16le");
    EXPECT_EQ(e->document.prose, "Caf\xC3\xA9 oil \xF0\x9F\x98\x80 cures.\r\n");
    size_t at = e->document.prose.find("cures");
    Span source = e->document.ToSource({static_cast<uint32_t>(at), static_cast<uint32_t>(at + 5)});
    EXPECT_EQ(source.begin, 2u + 2 * 12);  // the BOM, then 12 units: 10 + a surrogate pair
    EXPECT_EQ(source.size(), 10u);
    EXPECT_EQ(e->document.decoded_source, e->document.prose);
  }
}

TEST(Encoding, UnpairedSurrogateWarns) {
  std::string bytes = Utf16(u"ab", false);
  bytes += std::string("\x00\xD8", 2);  // a lone high surrogate
  bytes += std::string("c\0", 2);
  auto e = Read(Format::kText, bytes);
  ASSERT_EQ(e->document.warnings.size(), 1u);
  EXPECT_EQ(e->document.warnings[0].code, "CL102");
  EXPECT_NE(e->document.warnings[0].message.find("byte offset 6"), std::string::npos);
}

TEST(Encoding, HtmlDeclaredCharsets) {
  // "It’s “proven” – café" in windows-1252, declared as iso-8859-1 (which
  // browsers read as windows-1252).
  std::string body = "<p>It\x92s \x93proven\x94 \x96 caf\xE9</p>";
  for (std::string head : {"<meta charset=\"iso-8859-1\">", "<meta charset=windows-1252>",
                           "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; "
                           "charset=ISO-8859-1\">"}) {
    auto e = Read(Format::kHtml, head + body);
    EXPECT_EQ(e->document.encoding, "windows-1252") << head;
    EXPECT_EQ(e->document.prose,
              "It\xE2\x80\x99s \xE2\x80\x9Cproven\xE2\x80\x9D \xE2\x80\x93 caf\xC3\xA9")
        << head;
    EXPECT_EQ(SourceOf(*e, "caf\xC3\xA9"), "caf\xE9");
    EXPECT_EQ(SourceOf(*e, "\xE2\x80\x9Cproven\xE2\x80\x9D"), "\x93proven\x94");
    EXPECT_TRUE(e->document.warnings.empty());
  }
  auto unknown = Read(Format::kHtml, "<meta charset=\"x-nonsense\"><p>Plain.</p>");
  ASSERT_EQ(unknown->document.warnings.size(), 1u);
  EXPECT_EQ(unknown->document.warnings[0].code, "CL106");
  EXPECT_EQ(unknown->document.prose, "Plain.");
  // A <meta> charset means nothing to a Markdown or text file.
  auto text = Read(Format::kText, "<meta charset=\"iso-8859-1\">caf\xC3\xA9");
  EXPECT_EQ(text->document.encoding, "utf-8");
  EXPECT_TRUE(text->document.warnings.empty());
}

TEST(Encoding, Utf8BomAndInvalidBytes) {
  auto e = Read(Format::kMarkdown, "\xEF\xBB\xBF# Title\n\nBad \xFF byte.\n");
  EXPECT_EQ(Blocks(*e)[0].source, "Title");
  EXPECT_EQ(SourceOf(*e, "Bad \xEF\xBF\xBD byte"), "Bad \xFF byte");
  ASSERT_EQ(e->document.warnings.size(), 1u);
  EXPECT_EQ(e->document.warnings[0].code, "CL102");
}

TEST(Encoding, BinaryIsRefused) {
  Source source{"b", std::string("GIF89a\0\0\x01", 9)};
  auto document = Extract(source, Format::kHtml);
  ASSERT_FALSE(document.ok());
  EXPECT_EQ(document.errors()[0].code, "CL101");
}

TEST(BlockTextHash, IgnoresCaseAndSpacing) {
  EXPECT_EQ(BlockTextHash("Home  |\nShop"), BlockTextHash(" home | shop "));
  EXPECT_EQ(BlockTextHash("a\xC2\xA0" "b"), BlockTextHash("a b"));
  EXPECT_NE(BlockTextHash("Home | Shop"), BlockTextHash("Home | Blog"));
}

}  // namespace
}  // namespace claimlint::input
