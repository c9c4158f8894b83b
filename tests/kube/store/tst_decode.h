#pragma once

#include <QObject>

// Declared here so that moc never reads tst_decode.cpp (its raw-string JSON confuses moc).
class TestDecode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listEnvelope();
    void emptyAndNullItems_data();
    void emptyAndNullItems();
    void itemsKeepTheirOwnKind();
    void kindAfterItems();
    void managedFieldsStripped_data();
    void managedFieldsStripped();
    void malformedLists_data();
    void malformedLists();
    void acceptedOddities_data();
    void acceptedOddities();
    void statusBodyInsteadOfList();
    void everyTruncationFails();
    void randomCorruption();
    void syntheticPagesRoundTrip();
    void decodeObjectCases_data();
    void decodeObjectCases();
    void tooLargeIsRefusedBeforeParsing();
    void statusMapping_data();
    void statusMapping();
    void statusCausesAndLongBodies();
};
