namespace NeuroLake.Engine.Governance;

/// <summary>A PII column masked for readers without UNMASK, and how: "first letter + ***@domain".</summary>
public sealed record ColumnMask(string Column, string PiiType, string Masking);
