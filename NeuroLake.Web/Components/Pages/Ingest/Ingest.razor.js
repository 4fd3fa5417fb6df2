// Files dropped anywhere on the page, or chosen with the picker, are uploaded with XHR straight to
// POST /api/v1/uploads (never through the SignalR circuit); progress goes back to the component.
let nextId = 0;

// antiforgeryToken: the page's token, sent with every upload (the API refuses browser requests without it).
export function init(dotnet, page, antiforgeryToken) {
    let depth = 0;
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.hidden = true;
    input.setAttribute('aria-label', 'Files to upload');
    input.tabIndex = -1;
    document.body.appendChild(input);

    const upload = files => {
        for (const file of files) {
            send(dotnet, file, antiforgeryToken);
        }
    };
    const hasFiles = event => Array.from(event.dataTransfer?.types ?? []).includes('Files');
    const onDragEnter = event => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        depth++;
        page.classList.add('ingest-dragging');
    };
    const onDragOver = event => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
    };
    const onDragLeave = () => {
        depth = Math.max(0, depth - 1);
        if (depth === 0) page.classList.remove('ingest-dragging');
    };
    const onDrop = event => {
        if (!event.dataTransfer || event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        depth = 0;
        page.classList.remove('ingest-dragging');
        upload(event.dataTransfer.files);
    };
    const onPicked = () => {
        upload(input.files);
        input.value = '';
    };

    document.addEventListener('dragenter', onDragEnter);
    document.addEventListener('dragover', onDragOver);
    document.addEventListener('dragleave', onDragLeave);
    document.addEventListener('drop', onDrop);
    input.addEventListener('change', onPicked);

    return {
        pick: () => input.click(),
    
        focusStep: () => {
            const heading = page.querySelector('section h2');
            if (heading) {
                heading.tabIndex = -1;
                heading.focus();
            }
        },
        dispose: () => {
            document.removeEventListener('dragenter', onDragEnter);
            document.removeEventListener('dragover', onDragOver);
            document.removeEventListener('dragleave', onDragLeave);
            document.removeEventListener('drop', onDrop);
            input.removeEventListener('change', onPicked);
            input.remove();
        },
    };
}

function send(dotnet, file, antiforgeryToken) {
    const id = `upload-${++nextId}`;
    const xhr = new XMLHttpRequest();
    let reported = -1;
    const call = (method, ...args) => dotnet.invokeMethodAsync(method, id, ...args).catch(() => { /* circuit gone */ });

    call('UploadStarted', file.name, file.size);
    xhr.upload.addEventListener('progress', event => {
        // One report per percent keeps the circuit quiet on big files.
        const percent = event.total > 0 ? Math.floor(100 * event.loaded / event.total) : 0;
        if (percent !== reported) {
            reported = percent;
            call('UploadProgressed', event.loaded);
        }
    });
    xhr.addEventListener('load', () => {
        if (xhr.status >= 200 && xhr.status < 300) {
            call('UploadFinished', JSON.parse(xhr.responseText).id);
        } else {
            let detail = `the server answered ${xhr.status}`;
            try {
                const problem = JSON.parse(xhr.responseText);
                detail = problem.detail ?? problem.title ?? detail;
            } catch { /* not JSON */ }
            call('UploadFailed', `Upload failed: ${detail}.`);
        }
    });
    xhr.addEventListener('error', () => call('UploadFailed', 'Upload failed: the connection to the server was lost. Drop the file again.'));
    xhr.addEventListener('abort', () => call('UploadFailed', 'Upload cancelled.'));
    xhr.open('POST', `api/v1/uploads?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    if (antiforgeryToken) xhr.setRequestHeader('RequestVerificationToken', antiforgeryToken);
    xhr.send(file);
}
