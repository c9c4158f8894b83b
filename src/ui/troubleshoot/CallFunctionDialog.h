#pragma once

#include "engine/troubleshoot/ServiceCall.h"
#include "fission/FissionTypes.h"

#include <QDialog>
#include <QPointer>

#include <functional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace fd::engine {
class ClusterSession;
}
namespace fd::fission {
class FissionIndex;
}

namespace fd {
namespace ui {

// A path the router serves for a function, and the methods it accepts there.
struct CallRoute {
    QString path;
    QStringList methods; // empty: any
};
// The routes of a Function (its HTTP triggers, then /fission-function/…) or of an HTTPTrigger.
QList<CallRoute> callRoutesFor(const fd::fission::FissionIndex &index, const fd::fission::ObjectRef &target);
// Parses "Name: value" lines (blank lines and lines without a colon are skipped).
fd::kube::HeaderList parseHeaderLines(const QString &text);

// "Call function…": sends one HTTP request to Fission's router through the API server's service
// proxy (off the GUI thread, on the cluster's session) and shows the answer's status, time,
// headers and body. A 404 from the router offers the diagnostics of the function's tenant, where
// the usual causes (namespace not watched, no trigger for the path) are explained. Non-modal;
// deletes itself on close.
class CallFunctionDialog : public QDialog
{
    Q_OBJECT
public:
    using ShowDiagnostics = std::function<void(const QString &namespaceName)>;

    CallFunctionDialog(fd::engine::ClusterSession *session, const fd::fission::ObjectRef &target,
                       ShowDiagnostics showDiagnostics = {}, QWidget *parent = nullptr);

    // The router's namespace (where the `router` Service is).
    QString routerNamespace() const { return m_routerNamespace; }
    // The request the form describes now.
    fd::engine::ServiceCall currentCall() const;
    const fd::engine::ServiceCallResult &lastResult() const { return m_result; }

public Q_SLOTS:
    void send();

Q_SIGNALS:
    void callFinished(const fd::engine::ServiceCallResult &result);

private:
    void showResult(const fd::engine::ServiceCallResult &result);

    QPointer<fd::engine::ClusterSession> m_session;
    fd::fission::ObjectRef m_target;
    ShowDiagnostics m_showDiagnostics;
    QString m_routerNamespace;
    QList<CallRoute> m_routes;
    fd::engine::ServiceCallResult m_result;

    QComboBox *m_method;
    QComboBox *m_path;
    QPlainTextEdit *m_headers;
    QPlainTextEdit *m_body;
    QPushButton *m_send;
    QLabel *m_status;
    QLabel *m_diagnosticsLink;
    QPlainTextEdit *m_responseHeaders;
    QPlainTextEdit *m_responseBody;
};

} // namespace ui
} // namespace fd
