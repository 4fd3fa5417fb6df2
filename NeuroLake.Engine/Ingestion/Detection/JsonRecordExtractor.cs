using System.Globalization;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>
/// Streams the records of a JSON file into a newline-delimited copy DuckDB reads directly: the elements of the record
/// array member, the members of an object keyed by id (with their name as a column), and nested objects flattened on
/// request. The file passes through a buffer of one chunk (or one record, when a record is longer), never whole, since
/// DuckDB reads a single top-level object whole (and refuses one over its maximum object size).
/// </summary>
internal sealed class JsonRecordExtractor
{
    /// <summary>The folder beside the original that holds the copies.</summary>
    public const string CopyFolder = ".records";

    // As in JsonDepthScan: DuckDB refuses records over maximum_object_size, so a longer one could never load.
    private const int MaxRecordBytes = 2 * CsvDialect.MaxLineBytes;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = JsonDepthScan.MaxDepth + 1,
        AllowMultipleValues = true,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = JsonDepthScan.MaxDepth + 1,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private readonly JsonRecords _records;
    private readonly string _fileName;
    private readonly Utf8JsonWriter _writer;
    private readonly Stream _output;
    private byte[] _buffer = new byte[64 * 1024];
    private int _filled;
    private bool _started;
    private JsonReaderState _state = new(ReaderOptions);
    private bool _inRecords;

    private JsonRecordExtractor(JsonRecords records, string fileName, Stream output)
    {
        _records = records;
        _fileName = fileName;
        _output = output;
        // Non-ASCII text stays as it is rather than \u escapes; the copy is read by DuckDB, not a browser.
        _writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    /// <summary>Records written so far.</summary>
    public long Records { get; private set; }

    /// <summary>Writes the newline-delimited copy of <paramref name="path"/>'s records and returns its path; a failed copy is deleted.</summary>
    /// <exception cref="IngestionException">The JSON is invalid or holds a record too long to load.</exception>
    public static string Extract(string path, SourceCompression compression, JsonRecords records, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(path)!, CopyFolder)).FullName;
        // Named by the nesting too, so a flattened and a STRUCT copy of one upload never overwrite each other while read.
        var copy = Path.Combine(folder, FileSignature.WithoutCompressionSuffix(name) + (records.Nesting == JsonNesting.Flatten ? ".flat" : "") + ".ndjson");
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
            using var input = Decompression.Open(file, compression);
            using var output = new FileStream(copy, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
            var extractor = new JsonRecordExtractor(records, name, output);
            var chunk = new byte[64 * 1024];
            int read;
            while ((read = input.Read(chunk)) > 0)
            {
                ct.ThrowIfCancellationRequested();
                extractor.Write(chunk.AsSpan(0, read));
            }
            extractor.Complete();
            return copy;
        }
        catch (Exception e)
        {
            File.Delete(copy);
            if (Decompression.IsCorrupt(e))
            {
                throw Decompression.Corrupt(name, compression, e);
            }
            throw;
        }
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_filled == _buffer.Length)
            {
                if (_buffer.Length >= MaxRecordBytes)
                {
                    throw new IngestionException(string.Create(CultureInfo.InvariantCulture,
                        $"'{_fileName}' holds a JSON record longer than {MaxRecordBytes / (1024 * 1024)} MB after record {Records:N0}, which cannot be loaded: split it into smaller records."));
                }
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var take = Math.Min(bytes.Length, _buffer.Length - _filled);
            bytes[..take].CopyTo(_buffer.AsSpan(_filled));
            _filled += take;
            bytes = bytes[take..];
            if (_filled == _buffer.Length)
            {
                Process(final: false);
            }
        }
    }

    private void Complete()
    {
        Process(final: true);
        if (_filled > 0)
        {
            throw new IngestionException($"'{_fileName}' ends in the middle of a JSON value after record {Records:N0}: upload the complete file.");
        }
        _output.Flush();
    }

    /// <summary>Writes every whole record in the buffer and keeps the rest (a record cut by the chunk's end) for the next chunk.</summary>
    private void Process(bool final)
    {
        var start = 0;
        if (!_started)
        {
            _started = true;
            start = _buffer.AsSpan(0, _filled).StartsWith("\xEF\xBB\xBF"u8) ? 3 : 0;
        }

        var span = _buffer.AsSpan(start, _filled - start);
        var reader = new Utf8JsonReader(span, final, _state);
        long consumed;
        JsonReaderState state;
        try
        {
            while (true)
            {
                // Each step reads a whole unit (a record, or a member with its value) or nothing.
                consumed = reader.BytesConsumed;
                state = reader.CurrentState;
                if (!Step(ref reader, span))
                {
                    break;
                }
            }
        }
        catch (JsonException e)
        {
            throw new IngestionException($"'{_fileName}' is not valid JSON after record {Records:N0} ({e.Message}): fix the file and upload it again.", e);
        }

        _state = state;
        span[(int)consumed..].CopyTo(_buffer);
        _filled = span.Length - (int)consumed;
        if (final && span[(int)consumed..].Trim(" \t\r\n"u8).IsEmpty)
        {
            _filled = 0;
        }
    }

    /// <summary>Reads one unit; false when the buffer ends first (the caller rewinds to before it).</summary>
    private bool Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> span)
    {
        if (!reader.Read())
        {
            return false;
        }

        var depth = reader.CurrentDepth;
        var token = reader.TokenType;
        switch (_records.Shape)
        {
            case JsonShape.Lines when depth == 0:
            case JsonShape.Array when depth == 1:
                return Record(ref reader, span, key: null);
            case JsonShape.MemberArray when _inRecords && depth == 2:
                return Record(ref reader, span, key: null);
            case JsonShape.MemberArray when _inRecords && depth == 1 && token == JsonTokenType.EndArray:
                _inRecords = false;
                return true;
            case JsonShape.MemberArray when depth == 1 && token == JsonTokenType.PropertyName:
                var member = reader.GetString();
                if (!reader.Read())
                {
                    return false;
                }
                if (member == _records.RecordPath && reader.TokenType == JsonTokenType.StartArray)
                {
                    _inRecords = true;
                    return true;
                }
                return reader.TrySkip();
            case JsonShape.KeyedObject when depth == 1 && token == JsonTokenType.PropertyName:
                var key = reader.GetString();
                return reader.Read() && Record(ref reader, span, key);
            default:
                // The containers around the records, and members that are not records: skipped whole.
                return token is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || depth == 0 || reader.TrySkip();
        }
    }

    private bool Record(ref Utf8JsonReader reader, ReadOnlySpan<byte> span, string? key)
    {
        if (reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject)
        {
            return true;
        }
        var start = (int)reader.TokenStartIndex;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
        {
            return false;
        }

        using var document = JsonDocument.Parse(span[start..(int)reader.BytesConsumed].ToArray(), DocumentOptions);
        var root = document.RootElement;
        _writer.WriteStartObject();
        if (key is not null)
        {
            _writer.WriteString(_records.KeyColumn!, key);
        }
        if (root.ValueKind == JsonValueKind.Object)
        {
            WriteMembers(root, "");
        }
        else
        {
            // A bare value where a record belongs: one column, so it still loads.
            _writer.WritePropertyName("value");
            root.WriteTo(_writer);
        }
        _writer.WriteEndObject();
        _writer.Flush();
        _output.WriteByte((byte)'\n');
        _writer.Reset();
        Records++;
        return true;
    }

    private void WriteMembers(JsonElement element, string prefix)
    {
        foreach (var member in element.EnumerateObject())
        {
            var name = prefix + member.Name;
            if (_records.Nesting == JsonNesting.Flatten && member.Value.ValueKind == JsonValueKind.Object)
            {
                WriteMembers(member.Value, name + "_");
                continue;
            }
            _writer.WritePropertyName(name);
            member.Value.WriteTo(_writer);
        }
    }
}
