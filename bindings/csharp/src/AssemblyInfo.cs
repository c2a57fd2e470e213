// The tests check the P/Invoke mirror (NativeOptions against the library's
// own defaults and the errors against pxb_last_error), which stays internal.
using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Pixabots.Tests")]
