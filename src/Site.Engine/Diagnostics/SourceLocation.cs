namespace Site.Engine.Diagnostics;

/// <summary>
/// A place in an original source file. <paramref name="Line"/> and <paramref name="Column"/> are 1-based and
/// count from the first byte of the file (front matter included); 0 means "unknown".
/// </summary>
/// <param name="File">Path as the author knows it, relative to the working folder where possible, with forward slashes.</param>
/// <param name="Line">1-based line, or 0 when only the file is known.</param>
/// <param name="Column">1-based column, or 0 when only the line is known.</param>
public sealed record SourceLocation(string File, int Line = 0, int Column = 0)
{
    /// <summary>A location that names the file only.</summary>
    public static SourceLocation OfFile(string file) => new(file);

    /// <summary>Formats as <c>file(line,col)</c>, the shape editors and CI systems make clickable.</summary>
    public override string ToString() => Line <= 0
        ? File
        : Column <= 0 ? $"{File}({Line})" : $"{File}({Line},{Column})";
}
