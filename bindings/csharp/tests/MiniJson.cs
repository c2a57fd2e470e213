// Just enough JSON to read tests/data/conformance/cases.json: Mono's class
// library has no JSON reader the tests could use without extra packages.
// Objects become Dictionary<string, object>, arrays List<object>, numbers double.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Pixabots.Tests
{
    internal sealed class MiniJson
    {
        private readonly string text;
        private int at;

        private MiniJson(string text)
        {
            this.text = text;
        }

        internal static object Parse(string text)
        {
            var parser = new MiniJson(text);
            object value = parser.Value();
            parser.SkipSpace();
            if (parser.at != text.Length)
            {
                throw parser.Error("trailing characters");
            }
            return value;
        }

        private object Value()
        {
            SkipSpace();
            if (at >= text.Length)
            {
                throw Error("unexpected end");
            }
            char c = text[at];
            if (c == '{') return Object();
            if (c == '[') return Array();
            if (c == '"') return String();
            if (Take("true")) return true;
            if (Take("false")) return false;
            if (Take("null")) return null;
            return Number();
        }

        private Dictionary<string, object> Object()
        {
            var result = new Dictionary<string, object>();
            at++;
            SkipSpace();
            if (Take("}")) return result;
            while (true)
            {
                SkipSpace();
                string key = String();
                SkipSpace();
                Expect(':');
                result[key] = Value();
                SkipSpace();
                if (Take("}")) return result;
                Expect(',');
            }
        }

        private List<object> Array()
        {
            var result = new List<object>();
            at++;
            SkipSpace();
            if (Take("]")) return result;
            while (true)
            {
                result.Add(Value());
                SkipSpace();
                if (Take("]")) return result;
                Expect(',');
            }
        }

        private string String()
        {
            Expect('"');
            var result = new StringBuilder();
            while (at < text.Length && text[at] != '"')
            {
                char c = text[at++];
                if (c != '\\')
                {
                    result.Append(c);
                    continue;
                }
                if (at >= text.Length) break;
                char escape = text[at++];
                switch (escape)
                {
                    case 'n': result.Append('\n'); break;
                    case 't': result.Append('\t'); break;
                    case 'r': result.Append('\r'); break;
                    case 'b': result.Append('\b'); break;
                    case 'f': result.Append('\f'); break;
                    case 'u':
                        if (at + 4 > text.Length) throw Error("short \\u escape");
                        result.Append((char)int.Parse(text.Substring(at, 4), NumberStyles.HexNumber));
                        at += 4;
                        break;
                    default: result.Append(escape); break;
                }
            }
            Expect('"');
            return result.ToString();
        }

        private double Number()
        {
            int start = at;
            while (at < text.Length && "+-0123456789.eE".IndexOf(text[at]) >= 0)
            {
                at++;
            }
            if (start == at)
            {
                throw Error("unexpected character");
            }
            return double.Parse(text.Substring(start, at - start), CultureInfo.InvariantCulture);
        }

        private void SkipSpace()
        {
            while (at < text.Length && char.IsWhiteSpace(text[at]))
            {
                at++;
            }
        }

        private bool Take(string literal)
        {
            if (string.CompareOrdinal(text, at, literal, 0, literal.Length) != 0)
            {
                return false;
            }
            at += literal.Length;
            return true;
        }

        private void Expect(char c)
        {
            if (at >= text.Length || text[at] != c)
            {
                throw Error("expected '" + c + "'");
            }
            at++;
        }

        private Exception Error(string what)
        {
            return new FormatException("cases.json: " + what + " at character " + at);
        }
    }
}
