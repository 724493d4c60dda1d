// Copies new web-shop orders into the orders database every 15 minutes and notifies the partner.
const { Pool } = require('pg');
const axios = require('axios');
const cron = require('node-cron');

const pool = new Pool({
  host: 'orders-db.corp.example.com',
  database: 'orders',
  user: 'order_sync',
  password: process.env.ORDERS_DB_PASSWORD,
});

async function syncOrders() {
  const { data } = await axios.get('https://shop.example.com/api/orders?status=new');
  const values = data.map((o) => [o.id, o.customerId, o.total]);
  await pool.query('INSERT INTO orders (id, customer_id, total) SELECT * FROM unnest($1::text[], $2::text[], $3::numeric[])', [
    values.map((v) => v[0]), values.map((v) => v[1]), values.map((v) => v[2]),
  ]);
  // expect: program/outside-perimeter
  await axios.post('https://partner-api.example.net/v1/orders', { count: values.length });
}

cron.schedule('*/15 * * * *', syncOrders);
