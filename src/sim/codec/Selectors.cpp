#include "sim/codec/Selectors.h"

#include "sim/codec/Names.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <set>

namespace fd::sim {

namespace {

// ---- shared helpers ----

// strconv.ParseInt(s, 10, 64).
std::optional<qint64> parseDecimalInt64(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[+-]?[0-9]+$"));
    if (!re.match(text).hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok, 10);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

QString jsonList(const QStringList &values)
{
    if (values.isEmpty())
        return QStringLiteral("null"); // Go marshals the nil slice the validator sees as null
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

// field.Invalid with a non-string bad value (printed as JSON).
QString invalidListMessage(const QString &fieldPath, const QStringList &values, const QString &detail)
{
    return fieldPath + QStringLiteral(": Invalid value: ") + jsonList(values) + QStringLiteral(": ") + detail;
}

// utilerrors.NewAggregate(...).Error(): one message as is, several de-duplicated in brackets.
QString aggregate(const QStringList &errors)
{
    if (errors.size() == 1)
        return errors.first();
    QStringList unique;
    for (const QString &error : errors) {
        if (!unique.contains(error))
            unique << error;
    }
    if (unique.size() == 1)
        return unique.first();
    return QLatin1Char('[') + unique.join(QStringLiteral(", ")) + QLatin1Char(']');
}

// labels.NewRequirement: validates a requirement the way the apiserver does, with the
// field paths it uses when no base path is given ("key", "values[0][<key>]", …).
fd::Expected<LabelRequirement, QString> newRequirement(const QString &key, LabelOperator op, const QStringList &values)
{
    QStringList errors;
    if (const auto keyError = validateLabelKey(key))
        errors << invalidValueMessage(QStringLiteral("key"), key, *keyError);
    switch (op) {
    case LabelOperator::In:
    case LabelOperator::NotIn:
        if (values.isEmpty())
            errors << invalidListMessage(QStringLiteral("values"), values,
                                         QStringLiteral("for 'in', 'notin' operators, values set can't be empty"));
        break;
    case LabelOperator::Equals:
    case LabelOperator::DoubleEquals:
    case LabelOperator::NotEquals:
        if (values.size() != 1)
            errors << invalidListMessage(QStringLiteral("values"), values,
                                         QStringLiteral("exact-match compatibility requires one single value"));
        break;
    case LabelOperator::Exists:
    case LabelOperator::DoesNotExist:
        if (!values.isEmpty())
            errors << invalidListMessage(QStringLiteral("values"), values,
                                         QStringLiteral("values set must be empty for exists and does not exist"));
        break;
    case LabelOperator::GreaterThan:
    case LabelOperator::LessThan:
        if (values.size() != 1)
            errors << invalidListMessage(QStringLiteral("values"), values,
                                         QStringLiteral("for 'Gt', 'Lt' operators, exactly one value is required"));
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (!parseDecimalInt64(values.at(i)))
                errors << invalidValueMessage(QStringLiteral("values[%1]").arg(i), values.at(i),
                                              QStringLiteral("for 'Gt', 'Lt' operators, the value must be an integer"));
        }
        break;
    }
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (const auto valueError = validateLabelValue(values.at(i)))
            errors << invalidValueMessage(QStringLiteral("values[%1][%2]").arg(i).arg(key), values.at(i), *valueError);
    }
    if (!errors.isEmpty())
        return fd::Unexpected(aggregate(errors));
    return LabelRequirement{key, op, values};
}

void sortByKey(QList<LabelRequirement> &requirements)
{
    std::stable_sort(requirements.begin(), requirements.end(),
                     [](const LabelRequirement &a, const LabelRequirement &b) { return a.key < b.key; });
}

// Go compares strings by their UTF-8 bytes.
bool utf8Less(const QString &a, const QString &b)
{
    return a.toUtf8() < b.toUtf8();
}

} // namespace

// ---- label selector parser ----

// The hand-written lexer and recursive-descent parser of pkg/labels/selector.go, with its
// error messages. Tokens are all scanned up front, as there.
class LabelSelectorParser {
public:
    explicit LabelSelectorParser(const QString &selector) : m_input(selector) {}

    fd::Expected<LabelSelector, QString> parse()
    {
        scan();
        LabelSelector selector;
        for (;;) {
            const Item next = lookahead(Context::Values);
            switch (next.token) {
            case Token::Identifier:
            case Token::DoesNotExist: {
                auto requirement = parseRequirement();
                if (!requirement)
                    return fd::Unexpected(QStringLiteral("unable to parse requirement: ") + requirement.error());
                selector.m_requirements.append(*requirement);
                const Item after = consume(Context::Values);
                if (after.token == Token::EndOfString) {
                    sortByKey(selector.m_requirements);
                    return selector;
                }
                if (after.token != Token::Comma)
                    return fd::Unexpected(QStringLiteral("found '%1', expected: ',' or 'end of string'").arg(after.literal));
                const Item afterComma = lookahead(Context::Values);
                if (afterComma.token != Token::Identifier && afterComma.token != Token::DoesNotExist)
                    return fd::Unexpected(QStringLiteral("found '%1', expected: identifier after ','").arg(afterComma.literal));
                break;
            }
            case Token::EndOfString:
                sortByKey(selector.m_requirements);
                return selector;
            default:
                return fd::Unexpected(
                    QStringLiteral("found '%1', expected: !, identifier, or 'end of string'").arg(next.literal));
            }
        }
    }

private:
    enum class Token {
        Error, EndOfString, ClosedPar, Comma, DoesNotExist, DoubleEquals, Equals, GreaterThan, Identifier, In,
        LessThan, NotEquals, NotIn, OpenPar
    };
    // In value position the keywords "in"/"notin" are ordinary identifiers.
    enum class Context { KeyAndOperator, Values };
    struct Item {
        Token token;
        QString literal;
    };

    static std::optional<Token> keywordToken(const QString &text)
    {
        static const QList<std::pair<QString, Token>> kTokens = {
            {QStringLiteral(")"), Token::ClosedPar},     {QStringLiteral(","), Token::Comma},
            {QStringLiteral("!"), Token::DoesNotExist},  {QStringLiteral("=="), Token::DoubleEquals},
            {QStringLiteral("="), Token::Equals},        {QStringLiteral(">"), Token::GreaterThan},
            {QStringLiteral("in"), Token::In},           {QStringLiteral("<"), Token::LessThan},
            {QStringLiteral("!="), Token::NotEquals},    {QStringLiteral("notin"), Token::NotIn},
            {QStringLiteral("("), Token::OpenPar},
        };
        for (const auto &[literal, token] : kTokens) {
            if (literal == text)
                return token;
        }
        return std::nullopt;
    }

    static bool isWhitespace(QChar c)
    {
        return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r') || c == QLatin1Char('\n');
    }
    static bool isSpecialSymbol(QChar c)
    {
        return QStringView(u"=!(),><").contains(c);
    }

    // As in Go, the end of input reads as NUL, and a NUL inside the input behaves like the
    // end: it ends a token, and where a token should start it ends the selector.
    QChar read()
    {
        if (m_pos < m_input.size())
            return m_input.at(m_pos++);
        return QChar(0);
    }
    void unread() { --m_pos; }

    Item scanIdentifierOrKeyword()
    {
        QString buffer;
        for (;;) {
            const QChar c = read();
            if (c.isNull())
                break;
            if (isSpecialSymbol(c) || isWhitespace(c)) {
                unread();
                break;
            }
            buffer += c;
        }
        if (const auto keyword = keywordToken(buffer))
            return {*keyword, buffer};
        return {Token::Identifier, buffer};
    }

    // Longest run of special characters that still forms a token ("!=" but "!" + "(").
    Item scanSpecialSymbol()
    {
        QString buffer;
        std::optional<Item> last;
        for (;;) {
            const QChar c = read();
            if (c.isNull())
                break;
            if (!isSpecialSymbol(c)) {
                unread();
                break;
            }
            buffer += c;
            if (const auto token = keywordToken(buffer)) {
                last = Item{*token, buffer};
            } else if (last) {
                unread();
                break;
            }
        }
        if (!last)
            return {Token::Error, QStringLiteral("error expected: keyword found '%1'").arg(buffer)};
        return *last;
    }

    Item lex()
    {
        QChar c = read();
        while (isWhitespace(c))
            c = read();
        if (c.isNull())
            return {Token::EndOfString, QString()};
        unread();
        return isSpecialSymbol(c) ? scanSpecialSymbol() : scanIdentifierOrKeyword();
    }

    void scan()
    {
        for (;;) {
            Item item = lex();
            const bool end = item.token == Token::EndOfString;
            m_items.append(std::move(item));
            if (end)
                break;
        }
    }

    Item itemAt(qsizetype position, Context context) const
    {
        Item item = m_items.at(std::min(position, m_items.size() - 1));
        if (context == Context::Values && (item.token == Token::In || item.token == Token::NotIn))
            item.token = Token::Identifier;
        return item;
    }
    Item lookahead(Context context) const { return itemAt(m_position, context); }
    Item consume(Context context) { return itemAt(m_position++, context); }

    fd::Expected<LabelRequirement, QString> parseRequirement()
    {
        auto keyAndOperator = parseKeyAndInferOperator();
        if (!keyAndOperator)
            return fd::Unexpected(keyAndOperator.error());
        const auto &[key, inferred] = *keyAndOperator;
        if (inferred)
            return newRequirement(key, *inferred, {});
        auto op = parseOperator();
        if (!op)
            return fd::Unexpected(op.error());
        auto values = (*op == LabelOperator::In || *op == LabelOperator::NotIn) ? parseValues() : parseExactValue();
        if (!values)
            return fd::Unexpected(values.error());
        return newRequirement(key, *op, *values);
    }

    // The key, and Exists/DoesNotExist when the requirement ends right after it.
    fd::Expected<std::pair<QString, std::optional<LabelOperator>>, QString> parseKeyAndInferOperator()
    {
        std::optional<LabelOperator> op;
        Item item = consume(Context::Values);
        if (item.token == Token::DoesNotExist) {
            op = LabelOperator::DoesNotExist;
            item = consume(Context::Values);
        }
        if (item.token != Token::Identifier)
            return fd::Unexpected(QStringLiteral("found '%1', expected: identifier").arg(item.literal));
        if (const auto keyError = validateLabelKey(item.literal))
            // The apiserver parses with a nil field path, which prints as "<nil>".
            return fd::Unexpected(invalidValueMessage(QStringLiteral("<nil>"), item.literal, *keyError));
        const Token next = lookahead(Context::Values).token;
        if ((next == Token::EndOfString || next == Token::Comma) && !op)
            op = LabelOperator::Exists;
        return std::pair{item.literal, op};
    }

    fd::Expected<LabelOperator, QString> parseOperator()
    {
        const Item item = consume(Context::KeyAndOperator);
        switch (item.token) {
        case Token::In: return LabelOperator::In;
        case Token::Equals: return LabelOperator::Equals;
        case Token::DoubleEquals: return LabelOperator::DoubleEquals;
        case Token::GreaterThan: return LabelOperator::GreaterThan;
        case Token::LessThan: return LabelOperator::LessThan;
        case Token::NotIn: return LabelOperator::NotIn;
        case Token::NotEquals: return LabelOperator::NotEquals;
        default:
            return fd::Unexpected(QStringLiteral("found '%1', expected: in, notin, =, ==, !=, gt, lt").arg(item.literal));
        }
    }

    // "(a,b)" -> sorted unique set; "()" and empty slots stand for the empty value.
    fd::Expected<QStringList, QString> parseValues()
    {
        const Item open = consume(Context::Values);
        if (open.token != Token::OpenPar)
            return fd::Unexpected(QStringLiteral("found '%1' expected: '('").arg(open.literal));
        const Item first = lookahead(Context::Values);
        switch (first.token) {
        case Token::Identifier:
        case Token::Comma: {
            auto values = parseIdentifiersList();
            if (!values)
                return values;
            if (consume(Context::Values).token != Token::ClosedPar)
                // sic: the apiserver names the token that opened the list here
                return fd::Unexpected(QStringLiteral("found '%1', expected: ')'").arg(first.literal));
            return values;
        }
        case Token::ClosedPar:
            consume(Context::Values);
            return QStringList{QString()};
        default:
            return fd::Unexpected(QStringLiteral("found '%1', expected: ',', ')' or identifier").arg(first.literal));
        }
    }

    fd::Expected<QStringList, QString> parseIdentifiersList()
    {
        std::set<QString> values;
        const auto sorted = [&values] {
            QStringList list;
            for (const QString &v : values)
                list << v;
            std::sort(list.begin(), list.end(), utf8Less);
            return list;
        };
        for (;;) {
            const Item item = consume(Context::Values);
            switch (item.token) {
            case Token::Identifier: {
                values.insert(item.literal);
                const Item next = lookahead(Context::Values);
                if (next.token == Token::Comma)
                    continue;
                if (next.token == Token::ClosedPar)
                    return sorted();
                return fd::Unexpected(QStringLiteral("found '%1', expected: ',' or ')'").arg(next.literal));
            }
            case Token::Comma: {
                if (values.empty())
                    values.insert(QString()); // "(,"
                const Token next = lookahead(Context::Values).token;
                if (next == Token::ClosedPar) {
                    values.insert(QString()); // ",)"
                    return sorted();
                }
                if (next == Token::Comma)
                    values.insert(QString()); // ",,"
                break;
            }
            default:
                return fd::Unexpected(QStringLiteral("found '%1', expected: ',', or identifier").arg(item.literal));
            }
        }
    }

    fd::Expected<QStringList, QString> parseExactValue()
    {
        const Token next = lookahead(Context::Values).token;
        if (next == Token::EndOfString || next == Token::Comma)
            return QStringList{QString()};
        const Item item = consume(Context::Values);
        if (item.token == Token::Identifier)
            return QStringList{item.literal};
        return fd::Unexpected(QStringLiteral("found '%1', expected: identifier").arg(item.literal));
    }

    QString m_input;
    qsizetype m_pos = 0;
    QList<Item> m_items;
    qsizetype m_position = 0;
};

// ---- LabelRequirement / LabelSelector ----

bool LabelRequirement::matches(const QJsonObject &labels) const
{
    const bool exists = labels.contains(key);
    const QString value = labels.value(key).toString();
    switch (op) {
    case LabelOperator::In:
    case LabelOperator::Equals:
    case LabelOperator::DoubleEquals:
        return exists && values.contains(value);
    case LabelOperator::NotIn:
    case LabelOperator::NotEquals:
        return !exists || !values.contains(value);
    case LabelOperator::Exists:
        return exists;
    case LabelOperator::DoesNotExist:
        return !exists;
    case LabelOperator::GreaterThan:
    case LabelOperator::LessThan: {
        if (!exists || values.size() != 1)
            return false;
        const auto actual = parseDecimalInt64(value);
        const auto bound = parseDecimalInt64(values.first());
        if (!actual || !bound)
            return false;
        return op == LabelOperator::GreaterThan ? *actual > *bound : *actual < *bound;
    }
    }
    return false;
}

QString LabelRequirement::toString() const
{
    QString text = op == LabelOperator::DoesNotExist ? QStringLiteral("!") + key : key;
    QStringList sortedValues = values;
    std::sort(sortedValues.begin(), sortedValues.end(), utf8Less);
    const QString joinedValues = sortedValues.join(QLatin1Char(','));
    switch (op) {
    case LabelOperator::Exists:
    case LabelOperator::DoesNotExist: return text;
    case LabelOperator::Equals: return text + QLatin1Char('=') + joinedValues;
    case LabelOperator::DoubleEquals: return text + QStringLiteral("==") + joinedValues;
    case LabelOperator::NotEquals: return text + QStringLiteral("!=") + joinedValues;
    case LabelOperator::In: return text + QStringLiteral(" in (") + joinedValues + QLatin1Char(')');
    case LabelOperator::NotIn: return text + QStringLiteral(" notin (") + joinedValues + QLatin1Char(')');
    case LabelOperator::GreaterThan: return text + QLatin1Char('>') + joinedValues;
    case LabelOperator::LessThan: return text + QLatin1Char('<') + joinedValues;
    }
    return text;
}

fd::Expected<LabelSelector, QString> LabelSelector::parse(const QString &selector)
{
    return LabelSelectorParser(selector).parse();
}

fd::Expected<LabelSelector, QString> LabelSelector::fromLabelSelectorJson(const QJsonObject &selector)
{
    const QJsonValue matchLabels = selector.value(QStringLiteral("matchLabels"));
    const QJsonValue matchExpressions = selector.value(QStringLiteral("matchExpressions"));
    if (!matchLabels.isUndefined() && !matchLabels.isNull() && !matchLabels.isObject())
        return fd::Unexpected(QStringLiteral("matchLabels must be an object"));
    if (!matchExpressions.isUndefined() && !matchExpressions.isNull() && !matchExpressions.isArray())
        return fd::Unexpected(QStringLiteral("matchExpressions must be a list"));

    LabelSelector result;
    const QJsonObject labels = matchLabels.toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (!it.value().isString())
            return fd::Unexpected(QStringLiteral("matchLabels[%1] must be a string").arg(it.key()));
        auto requirement = newRequirement(it.key(), LabelOperator::Equals, {it.value().toString()});
        if (!requirement)
            return fd::Unexpected(requirement.error());
        result.m_requirements.append(*requirement);
    }
    const QJsonArray expressions = matchExpressions.toArray();
    for (qsizetype i = 0; i < expressions.size(); ++i) {
        const QJsonObject expression = expressions.at(i).toObject();
        const QJsonValue values = expression.value(QStringLiteral("values"));
        if (!expressions.at(i).isObject() || !expression.value(QStringLiteral("key")).isString()
            || !expression.value(QStringLiteral("operator")).isString()
            || (!values.isUndefined() && !values.isNull() && !values.isArray()))
            return fd::Unexpected(QStringLiteral("matchExpressions[%1] must have a string key, a string operator and "
                                                 "a list of values").arg(i));
        QStringList valueList;
        for (const QJsonValue &v : values.toArray()) {
            if (!v.isString())
                return fd::Unexpected(QStringLiteral("matchExpressions[%1].values must be strings").arg(i));
            valueList << v.toString();
        }
        const QString op = expression.value(QStringLiteral("operator")).toString();
        LabelOperator labelOp = LabelOperator::In;
        if (op == QLatin1String("In"))
            labelOp = LabelOperator::In;
        else if (op == QLatin1String("NotIn"))
            labelOp = LabelOperator::NotIn;
        else if (op == QLatin1String("Exists"))
            labelOp = LabelOperator::Exists;
        else if (op == QLatin1String("DoesNotExist"))
            labelOp = LabelOperator::DoesNotExist;
        else
            return fd::Unexpected(QStringLiteral("%1 is not a valid label selector operator").arg(goQuote(op)));
        auto requirement = newRequirement(expression.value(QStringLiteral("key")).toString(), labelOp, valueList);
        if (!requirement)
            return fd::Unexpected(requirement.error());
        result.m_requirements.append(*requirement);
    }
    sortByKey(result.m_requirements);
    return result;
}

LabelSelector LabelSelector::fromSet(const QJsonObject &labels)
{
    LabelSelector result;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        result.m_requirements.append({it.key(), LabelOperator::Equals, {it.value().toString()}});
    sortByKey(result.m_requirements);
    return result;
}

LabelSelector LabelSelector::nothing()
{
    LabelSelector result;
    result.m_matchesNothing = true;
    return result;
}

bool LabelSelector::matches(const QJsonObject &labels) const
{
    if (m_matchesNothing)
        return false;
    return std::all_of(m_requirements.begin(), m_requirements.end(),
                       [&labels](const LabelRequirement &r) { return r.matches(labels); });
}

std::optional<QString> LabelSelector::requiresExactMatch(const QString &key) const
{
    for (const LabelRequirement &r : m_requirements) {
        if (r.key != key || r.values.size() != 1)
            continue;
        if (r.op == LabelOperator::Equals || r.op == LabelOperator::DoubleEquals || r.op == LabelOperator::In)
            return r.values.first();
    }
    return std::nullopt;
}

QString LabelSelector::toString() const
{
    QStringList parts;
    for (const LabelRequirement &r : m_requirements)
        parts << r.toString();
    return parts.join(QLatin1Char(','));
}

// ---- FieldSelector ----

namespace {

// Splits on commas that are not escaped with a backslash.
QStringList splitTerms(const QString &selector)
{
    QStringList terms;
    if (selector.isEmpty())
        return terms;
    qsizetype start = 0;
    bool inSlash = false;
    for (qsizetype i = 0; i < selector.size(); ++i) {
        const QChar c = selector.at(i);
        if (inSlash)
            inSlash = false;
        else if (c == QLatin1Char('\\'))
            inSlash = true;
        else if (c == QLatin1Char(',')) {
            terms << selector.mid(start, i - start);
            start = i + 1;
        }
    }
    terms << selector.mid(start);
    return terms;
}

// The first operator found scanning left to right; at one position "!=" and "==" win
// over "=".
std::optional<std::pair<QString, FieldRequirement>> splitTerm(const QString &term)
{
    static const std::pair<QLatin1String, FieldOperator> kOperators[] = {
        {QLatin1String("!="), FieldOperator::NotEquals},
        {QLatin1String("=="), FieldOperator::DoubleEquals},
        {QLatin1String("="), FieldOperator::Equals},
    };
    for (qsizetype i = 0; i < term.size(); ++i) {
        const QStringView remaining = QStringView(term).mid(i);
        for (const auto &[text, op] : kOperators) {
            if (remaining.startsWith(text))
                return std::pair{term.mid(i + text.size()), FieldRequirement{term.left(i), op, QString()}};
        }
    }
    return std::nullopt;
}

fd::Expected<QString, QString> unescapeValue(const QString &value)
{
    if (!value.contains(QLatin1Char('\\')) && !value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('=')))
        return value;
    QString out;
    bool inSlash = false;
    for (const char32_t c : value.toUcs4()) {
        if (inSlash) {
            if (c != U'\\' && c != U',' && c != U'=')
                return fd::Unexpected(QStringLiteral("invalid field selector: invalid escape sequence: \\")
                                      + QString::fromUcs4(&c, 1));
            out += QString::fromUcs4(&c, 1);
            inSlash = false;
            continue;
        }
        if (c == U'\\')
            inSlash = true;
        else if (c == U',' || c == U'=')
            // %v of a Go rune prints its code point number
            return fd::Unexpected(QStringLiteral("invalid field selector: unescaped character in value: %1").arg(uint(c)));
        else
            out += QString::fromUcs4(&c, 1);
    }
    if (inSlash)
        return fd::Unexpected(QStringLiteral("invalid field selector: invalid escape sequence: \\"));
    return out;
}

QString escapeValue(const QString &value)
{
    QString out;
    for (const QChar c : value) {
        if (c == QLatin1Char('\\') || c == QLatin1Char(',') || c == QLatin1Char('='))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

} // namespace

fd::Expected<FieldSelector, QString> FieldSelector::parse(const QString &selector)
{
    QStringList terms = splitTerms(selector);
    std::sort(terms.begin(), terms.end(), utf8Less);
    FieldSelector result;
    for (const QString &term : terms) {
        if (term.isEmpty())
            continue;
        auto split = splitTerm(term);
        if (!split)
            return fd::Unexpected(QStringLiteral("invalid selector: '%1'; can't understand '%2'").arg(selector, term));
        auto value = unescapeValue(split->first);
        if (!value)
            return fd::Unexpected(value.error());
        FieldRequirement requirement = split->second;
        requirement.value = *value;
        result.m_requirements.append(requirement);
    }
    return result;
}

QStringList FieldSelector::requiredFields() const
{
    QStringList fields;
    for (const FieldRequirement &r : m_requirements)
        fields << r.field;
    fields.sort();
    fields.removeDuplicates();
    return fields;
}

bool FieldSelector::matches(const std::function<std::optional<QString>(const QString &field)> &fieldValue) const
{
    return std::all_of(m_requirements.begin(), m_requirements.end(), [&fieldValue](const FieldRequirement &r) {
        const QString actual = fieldValue(r.field).value_or(QString());
        return r.op == FieldOperator::NotEquals ? actual != r.value : actual == r.value;
    });
}

std::optional<QString> FieldSelector::requiresExactMatch(const QString &field) const
{
    for (const FieldRequirement &r : m_requirements) {
        if (r.field == field && r.op != FieldOperator::NotEquals)
            return r.value;
    }
    return std::nullopt;
}

QString FieldSelector::toString() const
{
    QStringList parts;
    for (const FieldRequirement &r : m_requirements)
        parts << r.field + (r.op == FieldOperator::NotEquals ? QStringLiteral("!=") : QStringLiteral("=")) + escapeValue(r.value);
    return parts.join(QLatin1Char(','));
}

} // namespace fd::sim
