import { createSignal, onCleanup, Show, type JSX } from 'solid-js';
import { t } from '../../lib/i18n/index.ts';
import { cameraAvailable, captureFrame, startCamera } from '../../platform/camera.ts';
import { createFileUrl } from './photo-url.ts';

/**
 * The after photo, framed like the before photo: the before photo lies translucent over the live
 * camera (or over the chosen file's preview), so the same spot is taken from the same angle.
 */
export function AfterPhoto(props: {
  /** The before photo to lay over the preview, if there is one. */
  beforeUrl: string | undefined;
  file: Blob | undefined;
  onChoose: (file: Blob | undefined) => void;
}): JSX.Element {
  const [cameraOn, setCameraOn] = createSignal(false);
  const [cameraFailed, setCameraFailed] = createSignal(false);
  const afterUrl = createFileUrl(() => props.file);
  let video: HTMLVideoElement | undefined;
  let stop: (() => void) | undefined;

  async function openCamera() {
    setCameraFailed(false);
    setCameraOn(true);
    try {
      stop = await startCamera(video!);
    } catch {
      setCameraOn(false);
      setCameraFailed(true);
    }
  }
  function closeCamera() {
    stop?.();
    stop = undefined;
    setCameraOn(false);
  }
  async function take() {
    if (!video) return;
    const blob = await captureFrame(video);
    closeCamera();
    props.onChoose(blob);
  }
  onCleanup(closeCamera);

  return (
    <div class="field">
      <label class="field__label" for="garden-after">
        {t('garden.photo.after')}
      </label>
      <p class="field__hint" id="garden-after-hint">
        {props.beforeUrl ? t('garden.photo.after.hint') : t('garden.photo.after.noBefore')}
      </p>
      <div class="overlay-frame" hidden={!cameraOn() && !afterUrl()}>
        <video ref={video} class="overlay-frame__base" hidden={!cameraOn()} aria-hidden="true" />
        <Show when={!cameraOn() && afterUrl()}>
          {(url) => (
            <img class="overlay-frame__base" src={url()} alt={t('garden.photo.after.alt')} />
          )}
        </Show>
        <Show when={props.beforeUrl}>
          {(url) => <img class="overlay-frame__ghost" src={url()} alt="" />}
        </Show>
      </div>
      <Show when={cameraOn()}>
        <div class="actions">
          <button type="button" class="button button--primary" onClick={() => void take()}>
            {t('garden.photo.take')}
          </button>
          <button type="button" class="button button--secondary" onClick={closeCamera}>
            {t('garden.photo.cameraClose')}
          </button>
        </div>
      </Show>
      <Show when={!cameraOn() && cameraAvailable()}>
        <button type="button" class="button button--secondary" onClick={() => void openCamera()}>
          {t('garden.photo.camera')}
        </button>
      </Show>
      <Show when={cameraFailed()}>
        <p class="field__hint" role="status">
          {t('garden.photo.cameraFailed')}
        </p>
      </Show>
      <input
        id="garden-after"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/heic"
        capture="environment"
        class="field__input"
        aria-describedby="garden-after-hint"
        onChange={(e) => props.onChoose(e.currentTarget.files?.[0])}
      />
    </div>
  );
}
