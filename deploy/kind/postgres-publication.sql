-- The publication of pipeline.yaml (publicationName cdc_orders), for exactly its tables.
-- Run by hack/kind-up.sh as the tables' owner on every start, so a rerun resets what the E2E
-- suite added. The pipeline's CDC role owns no table, so it could neither create the publication
-- nor drop it: deleting the pipeline leaves it in place (a PublicationNotDropped Warning event).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'cdc_orders') THEN
    ALTER PUBLICATION cdc_orders SET TABLE public.orders, public.order_items;
  ELSE
    CREATE PUBLICATION cdc_orders FOR TABLE public.orders, public.order_items;
  END IF;
END
$$;
