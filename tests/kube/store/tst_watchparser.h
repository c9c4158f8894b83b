#pragma once

#include <QObject>

// Declared here so that moc never reads the .cpp (its raw-string JSON confuses moc).
class TestWatchParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wholeStream();
    void chunkings_data();
    void chunkings();
    void crlfAndBlankLines();
    void bookmarks_data();
    void bookmarks();
    void errorEvents_data();
    void errorEvents();
    void malformedLines_data();
    void malformedLines();
    void eventsBeforeABadLineAreKept();
    void lineLengthIsBounded();
    void finishWithTail();
    void fallbackTypeForObjectsWithoutKind();
    void resetAfterFailure();
};
