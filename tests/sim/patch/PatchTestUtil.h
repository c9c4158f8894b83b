#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// Small helpers for the patch tests: JSON literals and readable comparisons.
namespace fd::test {

inline QJsonObject jsonObject(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("bad JSON in test data: %s (%s)", json.constData(), qPrintable(error.errorString()));
    return document.object();
}

inline QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace fd::test

// Compares two objects and prints both as compact JSON when they differ.
#define FD_COMPARE_JSON(actual, expected)                                                          \
    do {                                                                                           \
        const QJsonObject fdActual_ = (actual);                                                    \
        const QJsonObject fdExpected_ = (expected);                                                \
        if (fdActual_ != fdExpected_) {                                                            \
            QFAIL(qPrintable(QStringLiteral("JSON differs\n   actual: %1\n expected: %2")          \
                                 .arg(QString::fromUtf8(fd::test::compactJson(fdActual_)),         \
                                      QString::fromUtf8(fd::test::compactJson(fdExpected_)))));    \
        }                                                                                          \
    } while (false)
