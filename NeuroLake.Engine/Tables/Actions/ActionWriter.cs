using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NeuroLake.Engine.Tables.Actions;

/// <summary>Writes actions as Delta's newline-delimited JSON, one action per line, field names as the protocol spells them.</summary>
internal static class ActionWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The bytes of a commit file holding <paramref name="actions"/> in order.</summary>
    public static byte[] ToCommitFile(IEnumerable<DeltaAction> actions)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        foreach (var action in actions)
        {
            using (var writer = new Utf8JsonWriter(buffer, Options))
            {
                Write(writer, action);
            }

            buffer.Write("\n"u8);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string ToLine(DeltaAction action)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, action);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(Utf8JsonWriter w, DeltaAction action)
    {
        w.WriteStartObject();
        switch (action)
        {
            case CommitInfo c:
                w.WritePropertyName("commitInfo");
                c.Fields.WriteTo(w);
                break;
            case ProtocolAction p:
                w.WriteStartObject("protocol");
                w.WriteNumber("minReaderVersion", p.MinReaderVersion);
                w.WriteNumber("minWriterVersion", p.MinWriterVersion);
                WriteList(w, "readerFeatures", p.ReaderFeatures);
                WriteList(w, "writerFeatures", p.WriterFeatures);
                w.WriteEndObject();
                break;
            case MetadataAction m:
                w.WriteStartObject("metaData");
                w.WriteString("id", m.Id);
                WriteOptional(w, "name", m.Name);
                WriteOptional(w, "description", m.Description);
                w.WriteStartObject("format");
                w.WriteString("provider", m.FormatProvider);
                WriteMap(w, "options", m.FormatOptions.ToDictionary(kv => kv.Key, kv => (string?)kv.Value));
                w.WriteEndObject();
                w.WriteString("schemaString", m.SchemaString);
                w.WriteStartArray("partitionColumns");
                foreach (var column in m.PartitionColumns)
                {
                    w.WriteStringValue(column);
                }

                w.WriteEndArray();
                WriteMap(w, "configuration", m.Configuration.ToDictionary(kv => kv.Key, kv => (string?)kv.Value));
                if (m.CreatedTime is { } created)
                {
                    w.WriteNumber("createdTime", created);
                }

                w.WriteEndObject();
                break;
            case AddFile a:
                w.WriteStartObject("add");
                w.WriteString("path", a.Path);
                WriteMap(w, "partitionValues", a.PartitionValues);
                w.WriteNumber("size", a.Size);
                w.WriteNumber("modificationTime", a.ModificationTime);
                w.WriteBoolean("dataChange", a.DataChange);
                WriteOptional(w, "stats", a.Stats);
                if (a.Tags is not null)
                {
                    WriteMap(w, "tags", a.Tags);
                }

                WriteDeletionVector(w, a.DeletionVector);
                WriteOptional(w, "baseRowId", a.BaseRowId);
                WriteOptional(w, "defaultRowCommitVersion", a.DefaultRowCommitVersion);
                WriteOptional(w, "clusteringProvider", a.ClusteringProvider);
                w.WriteEndObject();
                break;
            case RemoveFile r:
                w.WriteStartObject("remove");
                w.WriteString("path", r.Path);
                WriteOptional(w, "deletionTimestamp", r.DeletionTimestamp);
                w.WriteBoolean("dataChange", r.DataChange);
                if (r.ExtendedFileMetadata is { } extended)
                {
                    w.WriteBoolean("extendedFileMetadata", extended);
                }

                if (r.PartitionValues is not null)
                {
                    WriteMap(w, "partitionValues", r.PartitionValues);
                }

                WriteOptional(w, "size", r.Size);
                WriteOptional(w, "stats", r.Stats);
                if (r.Tags is not null)
                {
                    WriteMap(w, "tags", r.Tags);
                }

                WriteDeletionVector(w, r.DeletionVector);
                WriteOptional(w, "baseRowId", r.BaseRowId);
                WriteOptional(w, "defaultRowCommitVersion", r.DefaultRowCommitVersion);
                w.WriteEndObject();
                break;
            case SetTransaction t:
                w.WriteStartObject("txn");
                w.WriteString("appId", t.AppId);
                w.WriteNumber("version", t.Version);
                WriteOptional(w, "lastUpdated", t.LastUpdated);
                w.WriteEndObject();
                break;
            case DomainMetadata d:
                w.WriteStartObject("domainMetadata");
                w.WriteString("domain", d.Domain);
                w.WriteString("configuration", d.Configuration);
                w.WriteBoolean("removed", d.Removed);
                w.WriteEndObject();
                break;
            case AddCdcFile c:
                w.WriteStartObject("cdc");
                w.WriteString("path", c.Path);
                WriteMap(w, "partitionValues", c.PartitionValues);
                w.WriteNumber("size", c.Size);
                w.WriteBoolean("dataChange", c.DataChange);
                if (c.Tags is not null)
                {
                    WriteMap(w, "tags", c.Tags);
                }

                w.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"Cannot serialize the action {action.GetType().Name}.");
        }

        w.WriteEndObject();
    }

    private static void WriteDeletionVector(Utf8JsonWriter w, DeletionVectorDescriptor? dv)
    {
        if (dv is null)
        {
            return;
        }

        w.WriteStartObject("deletionVector");
        w.WriteString("storageType", dv.StorageType);
        w.WriteString("pathOrInlineDv", dv.PathOrInlineDv);
        if (dv.Offset is { } offset)
        {
            w.WriteNumber("offset", offset);
        }

        w.WriteNumber("sizeInBytes", dv.SizeInBytes);
        w.WriteNumber("cardinality", dv.Cardinality);
        w.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter w, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void WriteMap(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string?> map)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            if (value is null)
            {
                w.WriteNull(key);
            }
            else
            {
                w.WriteString(key, value);
            }
        }

        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }
}
