using System.Globalization;
using System.Text;
using System.Text.Json;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>
/// Refuses JSON nested deeper than <see cref="MaxDepth"/> before DuckDB reads it: DuckDB's JSON reader recurses per
/// level, and a file nested 100,000 levels deep crashed or hung the whole process. Bytes are fed in chunks through
/// <see cref="Utf8JsonReader"/>, so only a chunk (or one value's longest token) is ever held. Invalid JSON is left for
/// DuckDB to report in its own words; only depth (and tokens DuckDB could not read anyway) is refused here.
/// </summary>
internal sealed class JsonDepthScan(string fileName)
{
    private readonly string _fileName = fileName;

    /// <summary>Deepest nesting of objects and arrays accepted; tables rarely need a tenth of it.</summary>
    public const int MaxDepth = 64;

    // Past the limit the scan goes on only to say how deep the offending value is, up to this depth.
    private const int MeasuredDepth = 1 << 20;

    // DuckDB refuses records over maximum_object_size, so a longer single token could never load.
    private const int MaxTokenBytes = 2 * CsvDialect.MaxLineBytes;

    private static readonly JsonReaderOptions Options = new()
    {
        MaxDepth = MeasuredDepth,
        AllowMultipleValues = true,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private byte[] _buffer = new byte[64 * 1024];
    private int _filled;
    private JsonReaderState _state = new(Options);
    private long _linesBefore;
    private bool _started;
    private bool _invalid;
    private int _deepest;
    private long _tooDeepLine;

    /// <summary>Scans a plain, gzip- or zstd-compressed file from start to end.</summary>
    /// <exception cref="IngestionException">The JSON is nested too deep.</exception>
    public static void Check(string path, SourceCompression compression, CancellationToken ct)
    {
        var scan = new JsonDepthScan(Path.GetFileName(path));
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        using var stream = Decompression.Open(file, compression);
        var chunk = new byte[64 * 1024];
        try
        {
            int read;
            while (!scan._invalid && (read = stream.Read(chunk)) > 0)
            {
                ct.ThrowIfCancellationRequested();
                scan.Write(chunk.AsSpan(0, read));
            }
        }
        catch (Exception e) when (Decompression.IsCorrupt(e))
        {
            // A corrupt compressed stream: DuckDB says so when it reads the file.
            return;
        }

        scan.Complete();
    }

    /// <summary>Feeds the next bytes of the JSON text.</summary>
    /// <exception cref="IngestionException">The JSON is nested too deep.</exception>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty && !_invalid)
        {
            if (_filled == _buffer.Length)
            {
                if (_buffer.Length >= MaxTokenBytes)
                {
                    throw new IngestionException(string.Create(CultureInfo.InvariantCulture,
                        $"'{_fileName}' holds a single JSON value longer than {MaxTokenBytes / (1024 * 1024)} MB near line {_linesBefore + 1}, which cannot be loaded: split it into smaller records."));
                }

                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var take = Math.Min(bytes.Length, _buffer.Length - _filled);
            bytes[..take].CopyTo(_buffer.AsSpan(_filled));
            _filled += take;
            bytes = bytes[take..];
            if (_filled == _buffer.Length)
            {
                Scan(final: false);
            }
        }
    }

    /// <summary>Ends the text.</summary>
    /// <exception cref="IngestionException">The JSON is nested too deep.</exception>
    public void Complete()
    {
        if (!_invalid)
        {
            Scan(final: true);
        }

        ThrowIfTooDeep();
    }

    private void Scan(bool final)
    {
        var start = 0;
        if (!_started)
        {
            _started = true;
            start = _buffer.AsSpan(0, _filled).StartsWith("\xEF\xBB\xBF"u8) ? 3 : 0;
        }

        var span = _buffer.AsSpan(start, _filled - start);
        var reader = new Utf8JsonReader(span, final, _state);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth)
                {
                    Record(reader.CurrentDepth + 1, span[..(int)reader.TokenStartIndex]);
                }
                else if (_tooDeepLine > 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth < MaxDepth)
                {
                    // The offending value is measured: no need to read on.
                    ThrowIfTooDeep();
                }
            }
        }
        catch (JsonException)
        {
            // Invalid JSON, or nested past what is measured: DuckDB words the first, the second is refused below.
            _invalid = true;
            ThrowIfTooDeep();
            return;
        }

        var consumed = (int)reader.BytesConsumed;
        _linesBefore += span[..consumed].Count((byte)'\n');
        _state = reader.CurrentState;
        span[consumed..].CopyTo(_buffer);
        _filled = span.Length - consumed;
    }

    private void Record(int depth, ReadOnlySpan<byte> before)
    {
        if (_tooDeepLine == 0)
        {
            _tooDeepLine = _linesBefore + before.Count((byte)'\n') + 1;
        }

        _deepest = Math.Max(_deepest, depth);
    }

    private void ThrowIfTooDeep()
    {
        if (_tooDeepLine > 0)
        {
            var depth = _deepest >= MeasuredDepth ? $"more than {MeasuredDepth:N0}" : $"{_deepest:N0}";
            throw new IngestionException(string.Create(CultureInfo.InvariantCulture,
                $"'{_fileName}' is JSON nested {depth} levels deep at line {_tooDeepLine:N0}; the limit is {MaxDepth} levels: flatten the deepest objects and arrays (or store them as JSON strings) and upload it again."));
        }
    }
}
