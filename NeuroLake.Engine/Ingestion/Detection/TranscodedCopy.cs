namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>
/// A UTF-8 copy made of a UTF-16 file DuckDB cannot read directly. It lives in a <c>.utf-8</c> folder beside the
/// original, so whoever deletes the staged upload's folder deletes it too; <see cref="FileIngestion"/> deletes it as
/// soon as the load is done.
/// </summary>
/// <param name="OriginalPath">The uploaded file.</param>
/// <param name="Encoding">The original's byte order.</param>
/// <param name="Compression">The original's compression (the copy is never compressed).</param>
public sealed record TranscodedCopy(string OriginalPath, Utf16Text Encoding, SourceCompression Compression);
