// Picks the font for a line: the Latin font, or the 12-px Japanese set when the text needs it.
using DeskPhone.Firmware.Display.Fonts;

namespace DeskPhone.Firmware.Display
{
    /// <summary>
    /// A pair of fonts for text that may be Japanese (a caller's name). A line the narrow font can
    /// draw keeps it (6x10, as the rest of the screen). A line with a character only the wide chain
    /// has is drawn wholly in the wide chain: Shinonome 12 px, whose 6x12 Latin, 12x12 kanji and kana
    /// and 6x12 half-width kana share one design and one baseline, so "山田太郎 &lt;201&gt;" does not
    /// mix two Latin faces. Such a line is 12 pixels high: a view gives it 12 rows (see
    /// firmware/Display/README.md). Characters neither has are drawn as a box.
    /// </summary>
    public sealed class TextFace
    {
        private static TextFace _normal;

        private readonly IGlyphFont _narrow;
        private readonly IGlyphFont _wide;

        /// <summary>A face drawing with <paramref name="narrow"/> unless the text needs <paramref name="wide"/>.</summary>
        public TextFace(IGlyphFont narrow, IGlyphFont wide)
        {
            _narrow = narrow;
            _wide = wide;
        }

        /// <summary>
        /// The face for names: 6x10, else Shinonome 6x12 Latin, the 6x10's ellipsis and arrows,
        /// Shinonome 12x12 (JIS X 0208: kana, kanji levels 1 and 2, full-width forms) and 6x12 half-width katakana.
        /// </summary>
        public static TextFace Normal
        {
            get
            {
                if (_normal == null)
                {
                    IGlyphFont narrow = new FontChain("6x10", new IGlyphFont[] { Fixed6x10.Font });
                    IGlyphFont wide = new FontChain("12px", new IGlyphFont[]
                    {
                        Shinonome6x12.Font, Fixed6x10.Font, Shinonome12.Font, Shinonome6x12Kana.Font
                    });
                    _normal = new TextFace(narrow, wide);
                }
                return _normal;
            }
        }

        /// <summary>The font for lines without Japanese.</summary>
        public IGlyphFont Narrow { get { return _narrow; } }

        /// <summary>The font for lines with Japanese.</summary>
        public IGlyphFont Wide { get { return _wide; } }

        /// <summary>
        /// The font to draw <paramref name="text"/> with: the wide one when some character is missing
        /// from the narrow font and the wide one has it, else the narrow one. Allocates nothing.
        /// </summary>
        public IGlyphFont FontFor(string text)
        {
            if (text == null) return _narrow;
            for (int i = 0; i < text.Length; i++)
            {
                int cp = TextRenderer.CodePointAt(text, ref i);
                if (_narrow.Find(cp) < 0 && _wide.Find(cp) >= 0) return _wide;
            }
            return _narrow;
        }
    }
}
