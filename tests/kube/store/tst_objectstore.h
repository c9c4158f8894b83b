#pragma once

#include <QObject>

class TestObjectStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initialReplaceAddsEverything();
    void relistDiff();
    void relistKeepsUnchangedInstances();
    void relistWithDuplicates();
    void applyEvents_data();
    void applyEvents();
    void bookmarkAndErrorOnlyMoveTheVersion();
    void lookups();
    void indexesFollowChanges();
    void indexesMatchABruteForceModel_data();
    void indexesMatchABruteForceModel();
    void duplicateLabelsIndexedOnce();
    void memoryStaysBelowTheJson_data();
    void memoryStaysBelowTheJson();
    void residentBytesTracksContent();
    void clear();
};
