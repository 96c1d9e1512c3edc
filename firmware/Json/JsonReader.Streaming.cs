// Reading one large array of a document item by item: each item is handed over and not kept in the tree.
namespace DeskPhone.Firmware.Json
{
    /// <summary>Takes the items of a streamed array one at a time (see <see cref="JsonReader.TryParseStreamed"/>).</summary>
    public interface IJsonItemSink
    {
        /// <summary>The item at <paramref name="index"/> of the array, whole and checked; it is not kept by the reader.</summary>
        void Item(int index, JsonValue item);
    }

    public sealed partial class JsonReader
    {
        private int _textLimit = MaxTextLength;
        private IJsonItemSink _sink;
        private string _streamedField;
        private bool _streamedOnce;

        /// <summary>
        /// Like <see cref="TryParseAll"/>, for a document whose top-level object holds one long list
        /// (<c>{"contacts": [ ... ]}</c>): the items of the array in the field <paramref name="field"/>
        /// are handed to <paramref name="sink"/> one by one as they are read and are not kept, so the
        /// list has no entry limit but the text's (<paramref name="maxTextLength"/> characters, which
        /// replaces <see cref="MaxTextLength"/>), and the tree returned holds that array empty. Every
        /// other limit stays. The sink may have been given items before a later syntax error: the
        /// caller keeps what it took aside until this returns a tree (<paramref name="value"/> not null).
        /// Only the first such field is streamed; a repeat is a duplicate as usual.
        /// </summary>
        public static bool TryParseStreamed(string text, int maxTextLength, string field, IJsonItemSink sink, out JsonValue value, out JsonError[] errors)
        {
            JsonReader reader = new JsonReader(text == null ? "" : text);
            reader._textLimit = maxTextLength;
            reader._sink = sink;
            reader._streamedField = field;
            return reader.Finish(out value, out errors);
        }

        /// <summary>True for the array being read now when it is the one to stream (the top object's field, first time).</summary>
        private bool StreamsArray(int depth)
        {
            if (_sink == null || _streamedOnce || depth != 2 || _pathDepth != 1 || _pathNames[0] != _streamedField) return false;
            _streamedOnce = true;
            return true;
        }
    }
}
