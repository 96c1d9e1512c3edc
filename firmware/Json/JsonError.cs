// One problem found while reading JSON text, with where it is.
namespace DeskPhone.Firmware.Json
{
    /// <summary>
    /// A JSON syntax error, a broken limit or a duplicate field: 1-based line and column
    /// (columns count UTF-16 code units), the path of the value being read ("keys[3].target",
    /// empty at the top) and a sentence for a person.
    /// </summary>
    public sealed class JsonError
    {
        /// <summary>Creates an error.</summary>
        public JsonError(int line, int column, string path, string message)
        {
            Line = line;
            Column = column;
            Path = path == null ? "" : path;
            Message = message;
        }

        /// <summary>1-based line of the problem.</summary>
        public int Line { get; private set; }

        /// <summary>1-based column of the problem.</summary>
        public int Column { get; private set; }

        /// <summary>Where in the document: "accounts[0].expires", or "" at the top level.</summary>
        public string Path { get; private set; }

        /// <summary>What is wrong, e.g. "expected ',' or '}' after a field, found '\"' (missing comma?)".</summary>
        public string Message { get; private set; }

        /// <summary>"line:column: path: message" (the path is left out when empty).</summary>
        public override string ToString()
        {
            string where = Line.ToString() + ":" + Column.ToString() + ": ";
            return Path.Length == 0 ? where + Message : where + Path + ": " + Message;
        }
    }
}
