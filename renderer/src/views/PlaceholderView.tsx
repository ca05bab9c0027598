import { hrefFor } from '../app/routes';

export function PlaceholderView({ title }: { title: string }) {
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title">{title}</h1>
      <p>
        Nothing to show yet: <a href={hrefFor('datasets')}>import a dataset</a> first.
      </p>
    </section>
  );
}
