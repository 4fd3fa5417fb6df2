using System.Text.Json;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Advisor;

/// <summary>A relation in a FROM clause: the name the query uses for it, and the catalog table it is, if it is one.</summary>
internal sealed record Relation(string ExposedName, SchemaTableName? Table, JsonElement Node);
