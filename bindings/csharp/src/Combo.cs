// struct pxb_combo: one part index per category, passed to the library as is.
using System.Runtime.InteropServices;

namespace Pixabots
{
    /// <summary>The parts an ID names, one index per category.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Combo
    {
        public int Eyes;
        public int Heads;
        public int Body;
        public int Top;

        public Combo(int eyes, int heads, int body, int top)
        {
            Eyes = eyes;
            Heads = heads;
            Body = body;
            Top = top;
        }

        public override string ToString()
        {
            return string.Format("Combo(eyes {0}, heads {1}, body {2}, top {3})", Eyes, Heads, Body, Top);
        }
    }
}
