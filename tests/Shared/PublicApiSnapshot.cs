using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace CheckIn.Testing;

/// <summary>
/// Writes the public surface of an assembly as stable text (one line per type and member, sorted), so a
/// checked-in snapshot shows every API change in review. Stands in for the PublicApiAnalyzers package,
/// which the registry here does not serve.
/// </summary>
internal static class PublicApiSnapshot
{
    public const string AcceptVariable = "CHECKIN_ACCEPT_API";

    private const BindingFlags DeclaredPublic =
        BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly NullabilityInfoContext Nullability = new();

    public static string Generate(Assembly assembly)
    {
        var lines = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Append(DescribeType(type)).Append('\n');
            foreach (var member in DescribeMembers(type).Order(StringComparer.Ordinal))
            {
                lines.Append("  ").Append(member).Append('\n');
            }
        }

        return lines.ToString();
    }

    /// <summary>
    /// Compares the assembly's API with the snapshot file. When they differ and the accept variable is set,
    /// rewrites the file; otherwise returns a message explaining the difference and how to accept it.
    /// </summary>
    public static string? Verify(Assembly assembly, string snapshotPath)
    {
        var actual = Generate(assembly);
        var expected = File.Exists(snapshotPath) ? File.ReadAllText(snapshotPath).ReplaceLineEndings("\n") : string.Empty;
        if (actual == expected)
        {
            return null;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(snapshotPath, actual);
            return null;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var removed = expectedLines.Except(actualLines, StringComparer.Ordinal).Where(l => l.Length > 0).ToList();
        var added = actualLines.Except(expectedLines, StringComparer.Ordinal).Where(l => l.Length > 0).ToList();
        var message = new StringBuilder();
        message.Append("The public API of ").Append(assembly.GetName().Name).Append(" differs from ")
            .Append(snapshotPath).Append(".\n");
        foreach (var line in removed.Take(40))
        {
            message.Append("- ").Append(line.Trim()).Append('\n');
        }

        foreach (var line in added.Take(40))
        {
            message.Append("+ ").Append(line.Trim()).Append('\n');
        }

        message.Append("If the change is intended, accept it with:\n  ")
            .Append(AcceptVariable).Append("=1 dotnet test ").Append("tests/").Append(assembly.GetName().Name).Append(".Tests")
            .Append(" --filter PublicApi\nand commit the updated snapshot with the change.");
        return message.ToString();
    }

    private static string DescribeType(Type type)
    {
        var text = new StringBuilder("public ");
        if (type.IsEnum)
        {
            text.Append("enum ").Append(TypeName(type)).Append(" : ").Append(TypeName(Enum.GetUnderlyingType(type)));
            return text.ToString();
        }

        if (typeof(Delegate).IsAssignableFrom(type) && type != typeof(Delegate))
        {
            var invoke = type.GetMethod("Invoke")!;
            text.Append("delegate ").Append(ReturnName(invoke)).Append(' ').Append(TypeName(type))
                .Append('(').Append(Parameters(invoke)).Append(')');
            return text.ToString();
        }

        var isRecord = type.GetMethod("<Clone>$") is not null
            || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);
        if (type.IsInterface)
        {
            text.Append("interface ");
        }
        else if (type.IsValueType)
        {
            if (type.IsDefined(typeof(IsReadOnlyAttribute), false))
            {
                text.Append("readonly ");
            }

            if (type.IsByRefLike)
            {
                text.Append("ref ");
            }

            text.Append(isRecord ? "record struct " : "struct ");
        }
        else
        {
            if (type.IsAbstract && type.IsSealed)
            {
                text.Append("static ");
            }
            else if (type.IsAbstract)
            {
                text.Append("abstract ");
            }
            else if (type.IsSealed)
            {
                text.Append("sealed ");
            }

            text.Append(isRecord ? "record " : "class ");
        }

        text.Append(TypeName(type));
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType))
        {
            bases.Add(TypeName(baseType));
        }

        bases.AddRange(type.GetInterfaces()
            .Where(i => i.IsPublic || i.IsNestedPublic)
            .Select(TypeName)
            .Order(StringComparer.Ordinal));
        if (bases.Count > 0)
        {
            text.Append(" : ").Append(string.Join(", ", bases));
        }

        return text.ToString();
    }

    private static IEnumerable<string> DescribeMembers(Type type)
    {
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return field.Name + " = " + Convert.ToString(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture);
            }

            yield break;
        }

        if (typeof(Delegate).IsAssignableFrom(type))
        {
            yield break;
        }

        foreach (var member in type.GetMembers(DeclaredPublic))
        {
            var line = member switch
            {
                ConstructorInfo c => Modifiers(c) + TypeName(type) + "(" + Parameters(c) + ")",
                MethodInfo m when !m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal) =>
                    Modifiers(m) + ReturnName(m) + " " + m.Name + GenericArguments(m) + "(" + Parameters(m) + ")",
                PropertyInfo p => Property(p),
                FieldInfo f => (f.IsLiteral ? "const " : (f.IsStatic ? "static " : string.Empty) + (f.IsInitOnly ? "readonly " : string.Empty))
                    + FieldTypeName(f) + " " + f.Name
                    + (f.IsLiteral ? " = " + Literal(f.GetRawConstantValue()) : string.Empty),
                EventInfo e => "event " + TypeName(e.EventHandlerType!) + " " + e.Name,
                Type nested => "nested " + TypeName(nested),
                _ => null,
            };
            if (line is not null && !IsCompilerGenerated(member))
            {
                yield return line;
            }
        }
    }

    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.Name.Contains('<', StringComparison.Ordinal) || member.Name == "EqualityContract";

    private static string Property(PropertyInfo property)
    {
        var getter = property.GetMethod is { IsPublic: true } g ? g : null;
        var setter = property.SetMethod is { IsPublic: true } s ? s : null;
        var accessor = getter ?? setter!;
        var indexParameters = property.GetIndexParameters();
        var name = indexParameters.Length == 0
            ? property.Name
            : "this[" + string.Join(", ", indexParameters.Select(p => TypeName(p.ParameterType) + " " + p.Name)) + "]";
        var nullability = Nullability.Create(property);
        var text = Modifiers(accessor) + TypeName(property.PropertyType) + Nullable(nullability.ReadState, property.PropertyType) + " " + name + " {";
        if (getter is not null)
        {
            text += " get;";
        }

        if (setter is not null)
        {
            var isInit = setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
            text += isInit ? " init;" : " set;";
        }

        return text + " }";
    }

    private static string Modifiers(MethodBase method)
    {
        var text = string.Empty;
        if (method.IsStatic)
        {
            text += "static ";
        }
        else if (method.IsAbstract && !method.DeclaringType!.IsInterface)
        {
            text += "abstract ";
        }
        else if (method.IsVirtual && !method.IsFinal && !method.DeclaringType!.IsInterface)
        {
            text += method is MethodInfo mi && mi.GetBaseDefinition() != mi ? "override " : "virtual ";
        }
        else if (method is MethodInfo sealedOverride && method.IsVirtual && sealedOverride.GetBaseDefinition() != sealedOverride)
        {
            text += "override ";
        }

        return text;
    }

    private static string ReturnName(MethodInfo method)
    {
        var returnParameter = method.ReturnParameter;
        var name = TypeName(method.ReturnType);
        if (method.ReturnType != typeof(void))
        {
            name += Nullable(Nullability.Create(returnParameter).ReadState, method.ReturnType);
        }

        return name;
    }

    private static string FieldTypeName(FieldInfo field) =>
        TypeName(field.FieldType) + Nullable(Nullability.Create(field).ReadState, field.FieldType);

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p =>
        {
            var prefix = string.Empty;
            var type = p.ParameterType;
            if (type.IsByRef)
            {
                prefix = p.IsOut ? "out " : p.IsIn ? "in " : "ref ";
                type = type.GetElementType()!;
            }
            else if (p.IsDefined(typeof(ParamArrayAttribute), false))
            {
                prefix = "params ";
            }

            var text = prefix + TypeName(type) + Nullable(Nullability.Create(p).ReadState, type) + " " + p.Name;
            if (p.HasDefaultValue)
            {
                var isPlainValueType = type.IsValueType && System.Nullable.GetUnderlyingType(type) is null;
                text += " = " + (p.DefaultValue is null && isPlainValueType ? "default" : Literal(p.DefaultValue));
            }

            return text;
        }));

    private static string Nullable(NullabilityState state, Type type) =>
        state == NullabilityState.Nullable && !type.IsValueType ? "?" : string.Empty;

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    private static string GenericArguments(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string TypeName(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (type.IsByRef || type.IsPointer)
        {
            return TypeName(type.GetElementType()!) + (type.IsPointer ? "*" : "&");
        }

        if (System.Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying) + "?";
        }

        var name = type.IsNested ? TypeName(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        if (type.IsGenericType)
        {
            var arguments = type.GetGenericArguments();
            if (type.IsNested)
            {
                arguments = arguments.Skip(type.DeclaringType!.GetGenericArguments().Length).ToArray();
            }

            if (arguments.Length > 0)
            {
                name += "<" + string.Join(", ", arguments.Select(TypeName)) + ">";
            }
        }

        return name;
    }
}
