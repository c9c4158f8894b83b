#include "kube/store/Decode.h"

#include <QCoreApplication>

#include <simdjson.h>

#include <algorithm>
#include <optional>

namespace fd::kube {

namespace {

constexpr qsizetype MaxStatusBytes = qsizetype(4) << 20;
constexpr qsizetype MaxMessageChars = 2048;
constexpr qsizetype MaxExcerptBytes = 512;
constexpr int MaxCauses = 100;

std::optional<ErrorKind> kindFromReason(QStringView reason)
{
    struct Entry {
        const char *reason;
        ErrorKind kind;
    };
    // metav1.StatusReason values (apimachinery pkg/apis/meta/v1/types.go).
    static constexpr Entry table[] = {
        {"Unauthorized", ErrorKind::Unauthorized},
        {"Forbidden", ErrorKind::Forbidden},
        {"NotFound", ErrorKind::NotFound},
        {"AlreadyExists", ErrorKind::AlreadyExists},
        {"Conflict", ErrorKind::Conflict},
        {"Gone", ErrorKind::Gone},
        {"Expired", ErrorKind::Gone},
        {"Invalid", ErrorKind::Invalid},
        {"ServerTimeout", ErrorKind::Timeout},
        {"Timeout", ErrorKind::Timeout},
        {"TooManyRequests", ErrorKind::TooManyRequests},
        {"BadRequest", ErrorKind::BadRequest},
        {"MethodNotAllowed", ErrorKind::MethodNotAllowed},
        {"NotAcceptable", ErrorKind::BadRequest},
        {"RequestEntityTooLarge", ErrorKind::BadRequest},
        {"UnsupportedMediaType", ErrorKind::UnsupportedMediaType},
        {"InternalError", ErrorKind::ServerError},
        {"ServiceUnavailable", ErrorKind::ServerError},
    };
    for (const Entry &e : table) {
        if (reason == QLatin1String(e.reason))
            return e.kind;
    }
    return std::nullopt;
}

ErrorKind kindFromCode(int code)
{
    switch (code) {
    case 400:
        return ErrorKind::BadRequest;
    case 401:
        return ErrorKind::Unauthorized;
    case 403:
        return ErrorKind::Forbidden;
    case 404:
        return ErrorKind::NotFound;
    case 405:
        return ErrorKind::MethodNotAllowed;
    case 409:
        return ErrorKind::Conflict;
    case 410:
        return ErrorKind::Gone;
    case 415:
        return ErrorKind::UnsupportedMediaType;
    case 422:
        return ErrorKind::Invalid;
    case 429:
        return ErrorKind::TooManyRequests;
    case 408:
    case 504:
        return ErrorKind::Timeout;
    default:
        break;
    }
    if (code >= 400 && code < 500)
        return ErrorKind::BadRequest;
    return ErrorKind::ServerError;
}

QString fromView(std::string_view s, qsizetype maxChars = MaxMessageChars)
{
    QString text = QString::fromUtf8(s.data(), qsizetype(qMin<size_t>(s.size(), size_t(maxChars) * 4)));
    if (text.size() > maxChars)
        text = text.left(maxChars) + QStringLiteral("…");
    return text;
}

QString stringField(simdjson::dom::object object, std::string_view key, qsizetype maxChars = MaxMessageChars)
{
    std::string_view s;
    if (object.at_key(key).get_string().get(s) != simdjson::SUCCESS)
        return QString();
    return fromView(s, maxChars);
}

// A short, single-line, printable excerpt of a non-Status body.
QString bodyExcerpt(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(MaxExcerptBytes));
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    text = text.simplified();
    if (body.size() > MaxExcerptBytes)
        text += QStringLiteral("…");
    return text;
}

} // namespace

KubeError kubeErrorFromStatus(int httpStatus, const QByteArray &body)
{
    KubeError error;
    error.httpStatus = httpStatus;

    bool isStatus = false;
    int statusCode = 0;
    bool tooLargeResourceVersion = false;
    if (!body.isEmpty() && body.size() <= MaxStatusBytes) {
        thread_local simdjson::dom::parser parser;
        simdjson::dom::element root;
        simdjson::dom::object object;
        if (parser.parse(body.constData(), size_t(body.size())).get(root) == simdjson::SUCCESS
            && root.get_object().get(object) == simdjson::SUCCESS && stringField(object, "kind") == QLatin1String("Status")) {
            isStatus = true;
            error.reason = stringField(object, "reason", 256);
            error.message = stringField(object, "message");
            int64_t code = 0;
            if (object.at_key("code").get_int64().get(code) == simdjson::SUCCESS && code > 0 && code < 1000)
                statusCode = int(code);
            simdjson::dom::object details;
            if (object.at_key("details").get_object().get(details) == simdjson::SUCCESS) {
                int64_t retry = 0;
                if (details.at_key("retryAfterSeconds").get_int64().get(retry) == simdjson::SUCCESS)
                    error.retryAfterSeconds = int(std::clamp<int64_t>(retry, 0, 24 * 3600));
                simdjson::dom::array causes;
                if (details.at_key("causes").get_array().get(causes) == simdjson::SUCCESS) {
                    for (simdjson::dom::element c : causes) {
                        simdjson::dom::object causeObject;
                        if (c.get_object().get(causeObject) != simdjson::SUCCESS)
                            continue;
                        if (error.causes.size() >= MaxCauses)
                            break;
                        ErrorCause cause;
                        cause.reason = stringField(causeObject, "reason", 256);
                        cause.message = stringField(causeObject, "message");
                        cause.field = stringField(causeObject, "field", 512);
                        if (cause.reason == QLatin1String("ResourceVersionTooLarge"))
                            tooLargeResourceVersion = true;
                        error.causes.append(cause);
                    }
                }
            }
            // Older servers say it only in the message (client-go's isTooLargeResourceVersionError).
            if (error.message.contains(QLatin1String("Too large resource version")))
                tooLargeResourceVersion = true;
        }
    }

    const int code = statusCode != 0 ? statusCode : httpStatus;
    if (error.httpStatus == 0)
        error.httpStatus = code;
    if (tooLargeResourceVersion) {
        error.kind = ErrorKind::Gone; // kube-protocol.md §3: treat like 410 (relist from "")
    } else if (const auto byReason = isStatus ? kindFromReason(error.reason) : std::nullopt) {
        error.kind = *byReason;
    } else {
        error.kind = kindFromCode(code);
    }

    if (error.message.isEmpty()) {
        const QString excerpt = isStatus ? QString() : bodyExcerpt(body);
        if (!excerpt.isEmpty())
            error.message = QCoreApplication::translate("fd::kube", "The server answered HTTP %1: %2").arg(code).arg(excerpt);
        else if (code > 0)
            error.message = QCoreApplication::translate("fd::kube", "The server answered HTTP %1.").arg(code);
        else
            error.message = QCoreApplication::translate("fd::kube", "The server reported an error without details.");
    }
    return error;
}

} // namespace fd::kube
