#include "CallFunctionDialog.h"

#include "engine/ClusterSession.h"
#include "fission/FissionIndex.h"
#include "fission/rules/RuleSupport.h"
#include "ui/forms/WhenFinished.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

QList<CallRoute> callRoutesFor(const fd::fission::FissionIndex &index, const fd::fission::ObjectRef &target)
{
    QList<CallRoute> routes;
    if (target.kind == u"HTTPTrigger") {
        if (const fd::fission::HttpTrigger *t = index.httpTriggers().get(target.namespaceName, target.name))
            routes.append({t->routePath(), t->effectiveMethods()});
        return routes;
    }
    for (const fd::fission::HttpTrigger *t : index.httpTriggers().inNamespace(target.namespaceName)) {
        if (t->function.functionNames().contains(target.name) && !t->routePath().isEmpty())
            routes.append({t->routePath(), t->effectiveMethods()});
    }
    // Every function also answers on its internal route (fission-reference §5).
    routes.append({fd::fission::rules::functionUrlPath(target.namespaceName, target.name), {}});
    return routes;
}

fd::kube::HeaderList parseHeaderLines(const QString &text)
{
    fd::kube::HeaderList headers;
    for (const QString &line : text.split(u'\n')) {
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue;
        const QString name = line.left(colon).trimmed();
        if (name.isEmpty())
            continue;
        headers.append({name.toLatin1(), line.mid(colon + 1).trimmed().toUtf8()});
    }
    return headers;
}

CallFunctionDialog::CallFunctionDialog(fd::engine::ClusterSession *session, const fd::fission::ObjectRef &target,
                                       ShowDiagnostics showDiagnostics, QWidget *parent)
    : QDialog(parent), m_session(session), m_target(target), m_showDiagnostics(std::move(showDiagnostics))
{
    setObjectName(u"callFunctionDialog"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Call %1").arg(target.display()));
    resize(720, 640);

    m_routerNamespace = u"fission"_s;
    if (session) {
        const fd::engine::ClusterSnapshotPtr snapshot = session->snapshot();
        if (const fd::fission::FissionInstall *install = snapshot->install.primary())
            m_routerNamespace = install->releaseNamespace;
        m_routes = callRoutesFor(snapshot->index, target);
    }

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Sends the request to Fission's router (Service router:80 in namespace %1) through the "
                                "API server's service proxy.")
                                 .arg(m_routerNamespace),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_method = new QComboBox(this);
    m_method->setObjectName(u"method"_s);
    m_method->setEditable(true);
    m_method->addItems({u"GET"_s, u"POST"_s, u"PUT"_s, u"DELETE"_s, u"PATCH"_s, u"HEAD"_s});
    form->addRow(tr("Method:"), m_method);
    m_path = new QComboBox(this);
    m_path->setObjectName(u"path"_s);
    m_path->setEditable(true);
    for (const CallRoute &route : m_routes)
        m_path->addItem(route.path);
    form->addRow(tr("Path:"), m_path);
    m_headers = new QPlainTextEdit(this);
    m_headers->setObjectName(u"headers"_s);
    m_headers->setPlaceholderText(tr("One header per line: Name: value"));
    m_headers->setMaximumHeight(70);
    form->addRow(tr("Headers:"), m_headers);
    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(u"body"_s);
    m_body->setMaximumHeight(90);
    form->addRow(tr("Body:"), m_body);
    layout->addLayout(form);

    // The methods of the chosen route (its trigger's), so the first call is one the router accepts.
    auto pickMethod = [this](int routeIndex) {
        if (routeIndex >= 0 && routeIndex < m_routes.size() && !m_routes.at(routeIndex).methods.isEmpty())
            m_method->setCurrentText(m_routes.at(routeIndex).methods.first());
    };
    connect(m_path, &QComboBox::currentIndexChanged, this, pickMethod);
    pickMethod(m_path->currentIndex());

    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName(u"send"_s);
    m_send->setDefault(true);
    connect(m_send, &QPushButton::clicked, this, &CallFunctionDialog::send);
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_send);
    m_status = new QLabel(this);
    m_status->setObjectName(u"resultStatus"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    sendRow->addWidget(m_status, 1);
    layout->addLayout(sendRow);
    m_diagnosticsLink = new QLabel(this);
    m_diagnosticsLink->setObjectName(u"diagnosticsLink"_s);
    m_diagnosticsLink->setWordWrap(true);
    m_diagnosticsLink->hide();
    connect(m_diagnosticsLink, &QLabel::linkActivated, this, [this] {
        if (m_showDiagnostics)
            m_showDiagnostics(m_target.namespaceName);
    });
    layout->addWidget(m_diagnosticsLink);

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_responseHeaders = new QPlainTextEdit(this);
    m_responseHeaders->setObjectName(u"resultHeaders"_s);
    m_responseHeaders->setReadOnly(true);
    m_responseHeaders->setFont(fixed);
    m_responseHeaders->setMaximumHeight(110);
    m_responseBody = new QPlainTextEdit(this);
    m_responseBody->setObjectName(u"resultBody"_s);
    m_responseBody->setReadOnly(true);
    m_responseBody->setFont(fixed);
    layout->addWidget(new QLabel(tr("Response headers:"), this));
    layout->addWidget(m_responseHeaders);
    layout->addWidget(new QLabel(tr("Response body:"), this));
    layout->addWidget(m_responseBody, 1);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(close);
    m_send->setEnabled(session != nullptr);
}

fd::engine::ServiceCall CallFunctionDialog::currentCall() const
{
    fd::engine::ServiceCall call;
    call.namespaceName = m_routerNamespace;
    call.method = m_method->currentText().trimmed().toUpper().toLatin1();
    call.path = m_path->currentText().trimmed();
    if (!call.path.startsWith(u'/'))
        call.path.prepend(u'/');
    call.headers = parseHeaderLines(m_headers->toPlainText());
    call.body = m_body->toPlainText().toUtf8();
    return call;
}

void CallFunctionDialog::send()
{
    if (!m_session)
        return;
    m_send->setEnabled(false);
    m_status->setText(tr("Sending…"));
    m_diagnosticsLink->hide();
    fd::ui::forms::whenFinished(this, m_session->callService(currentCall()),
                                [this](const fd::engine::ServiceCallResult &result) { showResult(result); });
}

void CallFunctionDialog::showResult(const fd::engine::ServiceCallResult &result)
{
    m_result = result;
    m_send->setEnabled(true);
    if (!result.answered) {
        m_status->setText(tr("No answer after %1 ms: %2").arg(result.elapsedMs).arg(result.error));
        m_responseHeaders->clear();
        m_responseBody->clear();
    } else {
        m_status->setText(tr("HTTP %1 in %2 ms").arg(result.status).arg(result.elapsedMs));
        QStringList headers;
        for (const auto &h : result.headers)
            headers.append(QString::fromLatin1(h.first) + u": "_s + QString::fromUtf8(h.second));
        m_responseHeaders->setPlainText(headers.isEmpty() && result.status >= 300
                                            ? tr("(headers of error answers are not kept by the client)")
                                            : headers.join(u'\n'));
        m_responseBody->setPlainText(QString::fromUtf8(result.body));
    }
    m_status->setProperty("httpStatus", result.status);
    if (result.answered && result.status == 404) {
        // The router's 404 means it has no route for the path: usually a namespace Fission does not
        // watch or a missing trigger. The diagnostics say which.
        m_diagnosticsLink->setText(tr("The router has no route for this path. <a href=\"diagnostics\">Show the "
                                      "diagnostics of %1</a> to see why.")
                                       .arg(m_target.namespaceName.toHtmlEscaped()));
        m_diagnosticsLink->show();
    }
    Q_EMIT callFinished(result);
}

} // namespace ui
} // namespace fd

#include "moc_CallFunctionDialog.cpp"
